import type { RecordedEvent } from '../event.js';
import type { AllSubscription } from '../event-store.port.js';
import { globalPositionOf } from './read.js';

export interface SubscriptionSource {
  /** Up to `maxCount` events after the global position `after`, in position order. */
  readAfter(after: bigint, maxCount: number): RecordedEvent[];
}

export interface SubscriptionSettings {
  batchSize: number;
  pollIntervalMs: number;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up and live are one loop: read the next batch after the last position read; when there is
 * none, wait to be woken (an append through the same store) or for the poll interval (an append by
 * another connection or process), then read again. As the read is always "after the last position
 * read" and SQLite makes positions visible in order, the switch to live can neither skip nor repeat an
 * event, including those appended while catching up.
 *
 * Pull-driven: the next batch is read only when the consumer has taken the previous one, so a slow
 * consumer holds at most one batch in memory.
 */
export class SqliteAllSubscription implements AllSubscription, AsyncIterator<RecordedEvent, undefined> {
  private lastRead: bigint;
  private batch: RecordedEvent[] = [];
  private nextInBatch = 0;
  private closed = false;
  private wake: (() => void) | undefined;
  /** Serialises next() calls, so a consumer that does not await each one still gets each event once. */
  private pulling: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: SubscriptionSource,
    after: bigint,
    private readonly settings: SubscriptionSettings,
    private readonly onClose: (subscription: SqliteAllSubscription) => void,
  ) {
    this.lastRead = after;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent, undefined> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    const result = this.pulling.then(() => this.pull());
    this.pulling = result.catch(() => undefined);
    return result;
  }

  /** Called by `break` in for-await: the subscription ends with the loop. */
  async return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    await this.close();
    return DONE;
  }

  /** The store calls this after each commit of its own. */
  appended(): void {
    this.wake?.();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.batch = [];
    this.wake?.();
    this.onClose(this);
  }

  private async pull(): Promise<IteratorResult<RecordedEvent, undefined>> {
    for (;;) {
      if (this.closed) return DONE;
      if (this.nextInBatch < this.batch.length) {
        return { done: false, value: this.batch[this.nextInBatch++] };
      }
      let batch: RecordedEvent[];
      try {
        batch = this.source.readAfter(this.lastRead, this.settings.batchSize);
      } catch (error) {
        // The consumer resubscribes from its checkpoint; this subscription is over.
        await this.close();
        throw error;
      }
      if (batch.length > 0) {
        this.batch = batch;
        this.nextInBatch = 0;
        this.lastRead = globalPositionOf(batch[batch.length - 1].position);
        continue;
      }
      await this.appendedOrPolled();
    }
  }

  private appendedOrPolled(): Promise<void> {
    // No lost wake-up: the empty read above and setting `wake` run in one synchronous step, and
    // appends in this process run synchronously too, so none can fall in between.
    return new Promise((resolve) => {
      const timer = setTimeout(() => wake(), this.settings.pollIntervalMs);
      const wake = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      this.wake = wake;
    });
  }
}
