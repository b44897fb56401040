import type { AllSubscription, EventStore, Position, RecordedEvent } from '@tracker/event-store';
import { logEntryOf, type MerkleLog } from '@tracker/integrity';
import type { DatabaseSync } from 'node:sqlite';

/** Leaves per transaction while catching up. */
const BATCH = 1_000;

/**
 * Builds the log of a store that cannot keep it in its own transactions (KurrentDB): follows $all from the
 * log's last leaf and appends each event, in store order. Every instance that follows the same $all derives
 * the same tree, leaf for leaf, so their checkpoints agree.
 */
export class LogFollower {
  private subscription: AllSubscription | undefined;
  private pending: RecordedEvent[] = [];
  private flushing = false;
  private done: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: DatabaseSync,
    private readonly log: MerkleLog,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    const after = this.log.lastPosition() as Position | undefined;
    this.subscription = this.store.subscribeToAll(after === undefined ? {} : { after });
    this.done = this.follow(this.subscription).catch(this.onError);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.done;
    this.flush();
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    for await (const event of subscription) {
      this.pending.push(event);
      if (this.pending.length >= BATCH) this.flush();
      else if (!this.flushing) {
        // What else is ready joins this transaction; the rest waits for the next turn.
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    }
  }

  private flush(): void {
    this.flushing = false;
    const events = this.pending;
    if (events.length === 0) return;
    this.pending = [];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.log.append(events.map(logEntryOf));
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      this.log.forget();
      throw error;
    }
  }
}
