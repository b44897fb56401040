import type { RecordedEvent } from '../event.js';
import type { AllSubscription, EventStore } from '../event-store.port.js';
import type { Position } from '../position.js';

/** Every event in the store, in position order, paging through readAll. */
export async function readWholeStore(store: EventStore, pageSize = 500): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    events.push(...page);
    if (page.length < pageSize) return events;
    after = page[page.length - 1].position;
  }
}

/**
 * The next `count` events of a subscription, taken through one iterator without closing it (a for-await
 * with `break` would close it). Throws if the subscription ends first.
 */
export async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  while (events.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`The subscription ended after ${events.length} of ${count} events`);
    events.push(next.value);
  }
  return events;
}

/** The subscription's iterator: take it once per subscription, a subscription has one consumer. */
export function iteratorOf(subscription: AllSubscription): AsyncIterator<RecordedEvent> {
  return subscription[Symbol.asyncIterator]();
}

/** The rejection of `promise`, or a failure if it fulfils: for asserting on an error's fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise fulfilled');
}

/** Lets other queued work (appenders, subscribers) run, without depending on time. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The promise's value if it settles within a few turns of the event loop, else `'pending'`: for
 * "this wakes up without waiting for a timer" without measuring time.
 */
export async function settledSoon<T>(promise: Promise<T>, turns = 20): Promise<T | 'pending'> {
  const giveUp = (async () => {
    for (let turn = 0; turn < turns; turn++) await yieldToEventLoop();
    return 'pending' as const;
  })();
  return Promise.race([promise, giveUp]);
}
