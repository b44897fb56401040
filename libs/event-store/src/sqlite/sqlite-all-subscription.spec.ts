import { jest } from '@jest/globals';
import type { RecordedEvent } from '../event.js';
import { positionFromBigInts } from '../position.js';
import { settledSoon, take } from '../testing/store-readers.js';
import { SqliteAllSubscription, type SubscriptionSource } from './sqlite-all-subscription.js';

function eventAt(position: number): RecordedEvent {
  return {
    id: `event-${position}`,
    stream: 'stream',
    revision: BigInt(position - 1),
    position: positionFromBigInts(BigInt(position)),
    type: 'T',
    data: {},
    metadata: {},
    recordedAt: new Date(0),
  };
}

/** An in-memory $all that records every read the subscription makes. */
class FakeSource implements SubscriptionSource {
  readonly events: RecordedEvent[] = [];
  readonly reads: Array<{ after: bigint; maxCount: number }> = [];
  failNextRead: Error | undefined;

  add(count: number): void {
    for (let index = 0; index < count; index++) this.events.push(eventAt(this.events.length + 1));
  }

  readAfter(after: bigint, maxCount: number): RecordedEvent[] {
    this.reads.push({ after, maxCount });
    if (this.failNextRead) throw this.failNextRead;
    return this.events.slice(Number(after), Number(after) + maxCount);
  }
}

const FOREVER = 2 ** 31 - 1;

let subscriptions: SqliteAllSubscription[] = [];

function subscribe(
  source: FakeSource,
  options: { after?: bigint; batchSize?: number; pollIntervalMs?: number } = {},
) {
  const onClose = jest.fn();
  const subscription = new SqliteAllSubscription(
    source,
    options.after ?? 0n,
    { batchSize: options.batchSize ?? 3, pollIntervalMs: options.pollIntervalMs ?? FOREVER },
    onClose,
  );
  subscriptions.push(subscription);
  return { subscription, onClose };
}

const ids = (events: RecordedEvent[]): string[] => events.map((event) => event.id);

describe('SqliteAllSubscription', () => {
  afterEach(async () => {
    // Closed even when a test fails, so no poll timer outlives it.
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    subscriptions = [];
    jest.useRealTimers();
  });

  it('reads a batch only once the consumer has taken the previous one', async () => {
    const source = new FakeSource();
    source.add(10);
    const { subscription } = subscribe(source, { batchSize: 3 });

    await take(subscription, 1);
    expect(source.reads).toEqual([{ after: 0n, maxCount: 3 }]);
    await take(subscription, 2);
    expect(source.reads).toHaveLength(1);
    await take(subscription, 1);
    expect(source.reads).toEqual([
      { after: 0n, maxCount: 3 },
      { after: 3n, maxCount: 3 },
    ]);
    await subscription.close();
  });

  it('goes from batch to batch and into live without skipping or repeating', async () => {
    const source = new FakeSource();
    source.add(7);
    const { subscription } = subscribe(source, { after: 2n });
    const caughtUp = await take(subscription, 5);
    const waiting = subscription.next();
    source.add(2);
    subscription.appended();
    const live = [(await waiting).value as RecordedEvent, ...(await take(subscription, 1))];
    expect(ids([...caughtUp, ...live])).toEqual(ids(source.events.slice(2)));
    await subscription.close();
  });

  it('wakes at once when the store reports an append, without waiting for the poll', async () => {
    const source = new FakeSource();
    const { subscription } = subscribe(source, { pollIntervalMs: FOREVER });
    const waiting = subscription.next();
    expect(await settledSoon(waiting)).toBe('pending');
    source.add(1);
    subscription.appended();
    expect(await settledSoon(waiting)).toEqual({ done: false, value: source.events[0] });
    await subscription.close();
  });

  it('polls for appends it is not told about (other processes)', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    const source = new FakeSource();
    const { subscription } = subscribe(source, { pollIntervalMs: 100 });
    const waiting = subscription.next();
    expect(await settledSoon(waiting)).toBe('pending');
    source.add(1);
    expect(await settledSoon(waiting)).toBe('pending');
    await jest.advanceTimersByTimeAsync(100);
    expect(await settledSoon(waiting)).toEqual({ done: false, value: source.events[0] });
    await subscription.close();
  });

  it('gives concurrent next() calls one event each, in order', async () => {
    const source = new FakeSource();
    source.add(5);
    const { subscription } = subscribe(source, { batchSize: 2 });
    const results = await Promise.all(Array.from({ length: 5 }, () => subscription.next()));
    expect(results.map((result) => result.value?.id)).toEqual(ids(source.events));
    await subscription.close();
  });

  it('ends a waiting next() on close, tells the store once, and stays ended', async () => {
    const source = new FakeSource();
    const { subscription, onClose } = subscribe(source);
    const waiting = subscription.next();
    await subscription.close();
    await subscription.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    source.add(1);
    subscription.appended();
    expect(await subscription.next()).toEqual({ done: true, value: undefined });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes on return(), as a for-await break does', async () => {
    const source = new FakeSource();
    source.add(3);
    const { subscription, onClose } = subscribe(source);
    for await (const _event of subscription) break;
    expect(onClose).toHaveBeenCalledTimes(1);
    expect((await subscription.next()).done).toBe(true);
  });

  it('rejects next() when a read fails, and ends', async () => {
    const source = new FakeSource();
    source.failNextRead = new Error('disk I/O error');
    const { subscription, onClose } = subscribe(source);
    await expect(subscription.next()).rejects.toThrow('disk I/O error');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect((await subscription.next()).done).toBe(true);
  });
});
