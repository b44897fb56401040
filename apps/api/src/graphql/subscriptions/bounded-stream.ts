import { Logger } from '@nestjs/common';

/** Values one stream's reader has not taken yet, at most; past it the stream ends (it cannot keep up). */
export const MAX_QUEUED = 1_000;

const logger = new Logger('Subscriptions');

/**
 * Values pushed to one reader, as the async iterator GraphQL subscriptions consume: they wait in a
 * bounded queue, so a reader that does not keep up is ended rather than growing memory or holding back
 * the others. Ending it (returned by its reader, too far behind, or `end()`) calls `onEnd` once.
 */
export class BoundedStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;

  constructor(private readonly onEnd: (stream: BoundedStream<T>) => void) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting !== undefined) {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting({ value, done: false });
      return;
    }
    if (this.queue.length >= MAX_QUEUED) {
      logger.warn({ msg: 'A subscription fell too far behind and was ended', queued: this.queue.length });
      this.end();
      return;
    }
    this.queue.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.onEnd(this);
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }
}
