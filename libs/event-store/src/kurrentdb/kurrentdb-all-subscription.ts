/**
 * subscribeToAll on KurrentDB: the client's catch-up subscription, resumed from the last event it saw
 * whenever it drops, after an exponential, capped, jittered wait, with every outage and every recovery
 * reported to the logger.
 */
import { START, type AllStreamSubscription, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event.js';
import type { AllSubscription } from '../event-store.port.js';
import type { Position } from '../position.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { errorMessage } from './kurrentdb-errors.js';
import {
  isSystemEvent,
  positionFromKurrentDb,
  positionToKurrentDb,
  toRecordedEvent,
  type ClientRecordedEvent,
} from './kurrentdb-mapping.js';
import type { KurrentDbLogger } from './kurrentdb-event-store.options.js';

export interface KurrentDbAllSubscriptionOptions {
  /** A new client per attempt: one that lost its server is not reused. */
  connect: () => KurrentDBClient;
  after: Position | undefined;
  streamPrefix: string;
  backoff: Required<BackoffOptions>;
  logger: KurrentDbLogger;
  /** Called once the subscription has ended, whoever ended it. */
  onClosed: () => void;
}

const NOT_CHECKED = Symbol('not checked');

export class KurrentDbAllSubscription implements AllSubscription {
  private closed = false;
  private readonly wakeUp = new AbortController();
  /** Ends the current wait before a resubscription early; set only while waiting. */
  private endWait: (() => void) | undefined;
  private client: KurrentDBClient | undefined;
  private stream: AllStreamSubscription | undefined;
  private readonly iterator: AsyncGenerator<RecordedEvent, void, undefined>;
  /** The last event seen, delivered or skipped: where a new attempt resumes. */
  private checkpoint: Position | undefined;
  /** The checkpoint at the last silence check of the current attempt (NOT_CHECKED before the first). */
  private checkedAt: Position | undefined | typeof NOT_CHECKED = NOT_CHECKED;

  constructor(private readonly options: KurrentDbAllSubscriptionOptions) {
    if (options.after !== undefined) positionToKurrentDb(options.after); // refuses a foreign position now
    this.checkpoint = options.after;
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  /**
   * The store was just reached (an append or a read succeeded): if this subscription is waiting to
   * resubscribe, it tries now rather than after the rest of its backoff, which grows to `maxDelayMs`
   * during a long outage. The backoff spaces attempts against a server that is away, not one known to be
   * back. No effect while an attempt runs.
   */
  retryNow(): void {
    this.endWait?.();
  }

  /**
   * Called at an interval with the head of $all. A subscription that has not moved since the last check
   * while the head is past it has gone silent (a server can end a subscription and leave the call open:
   * KurrentDB PR #5672): its call is ended, and it resubscribes from its checkpoint as after a drop, so
   * nothing is missed and nothing comes twice. Returns whether it restarted.
   */
  checkSilence(head: Position | undefined): boolean {
    const stream = this.stream;
    if (this.closed || !stream) return false;
    const at = this.checkpoint;
    const behind = head !== undefined && (at === undefined || head > at);
    const silent = behind && this.checkedAt === at;
    this.checkedAt = at;
    if (!silent) return false;
    this.options.logger.warn('KurrentDB subscription to $all silent while the store moved on; restarting', {
      after: at ?? 'start',
      head,
    });
    stream.destroy(new Error('the subscription went silent while the store moved on'));
    return true;
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.wakeUp.abort();
      this.options.onClosed();
    }
    await this.releaseAttempt();
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    const { streamPrefix, backoff, logger } = this.options;
    let failedAttempts = 0;
    try {
      while (!this.closed) {
        const stream = this.startAttempt(this.checkpoint);
        this.checkedAt = NOT_CHECKED;
        stream.once('confirmation', () => {
          if (failedAttempts > 0) {
            logger.info('KurrentDB subscription to $all resumed', {
              after: this.checkpoint ?? 'start',
              failedAttempts,
            });
          }
          failedAttempts = 0;
        });
        let reason: string;
        try {
          for await (const resolved of stream as AsyncIterable<{ event?: ClientRecordedEvent }>) {
            const event = resolved.event;
            if (!event?.position) continue;
            const position = positionFromKurrentDb(event.position);
            // KurrentDB starts after the given position; this guards the promise of "never twice" anyway.
            if (this.checkpoint !== undefined && position <= this.checkpoint) continue;
            this.checkpoint = position;
            if (isSystemEvent(event) || !event.streamId.startsWith(streamPrefix)) continue;
            yield toRecordedEvent(event, streamPrefix);
          }
          reason = 'the server ended the subscription';
        } catch (error) {
          reason = errorMessage(error);
        }
        await this.releaseAttempt();
        if (this.closed) return;

        const delayMs = backoffDelay(failedAttempts, backoff);
        failedAttempts++;
        logger.warn('KurrentDB subscription to $all dropped; resubscribing', {
          reason,
          after: this.checkpoint ?? 'start',
          attempt: failedAttempts,
          delayMs,
        });
        await this.sleep(delayMs);
      }
    } finally {
      this.closed = true;
      this.options.onClosed();
      await this.releaseAttempt();
    }
  }

  private startAttempt(after: Position | undefined): AllStreamSubscription {
    this.client = this.options.connect();
    this.stream = this.client.subscribeToAll({
      fromPosition: after === undefined ? START : positionToKurrentDb(after),
    });
    return this.stream;
  }

  /** Ends the current attempt's gRPC call and client; safe to call at any time, more than once. */
  private async releaseAttempt(): Promise<void> {
    const { stream, client } = this;
    this.stream = undefined;
    this.client = undefined;
    if (stream) {
      stream.destroy();
      await stream.unsubscribe().catch(() => undefined);
    }
    if (client) await client.dispose().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.wakeUp.signal;
    return new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      signal.addEventListener('abort', wake, { once: true });
      this.endWait = wake;
    }).finally(() => {
      this.endWait = undefined;
    });
  }
}
