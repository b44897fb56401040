import {
  comparePositions,
  type AllSubscription,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '@tracker/event-store';
import { Subject, type Observable } from 'rxjs';
import type { ReadDatabase } from '../read-db/read-database.js';
import { CheckpointStore } from './checkpoint-store.js';
import type { ChangeNotice, Projection } from './projection.js';

export interface RunnerLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface ProjectionRunnerOptions {
  store: EventStore;
  readDb: ReadDatabase;
  projections: readonly Projection[];
  logger: RunnerLogger;
  /** Most events applied in one read-DB transaction. @defaultValue 500 */
  maxBatchSize?: number;
  /** First wait before resubscribing after a failure; doubles up to `maxBackoffMs`. @defaultValue 100 */
  initialBackoffMs?: number;
  /** @defaultValue 10000 */
  maxBackoffMs?: number;
}

export interface ReplayProgress {
  /** The store's head when the replay began: it is done once `position` reaches it. */
  to: Position;
  /** Events applied so far, and their rate. */
  events: number;
  eventsPerSecond: number;
}

export interface RunnerStatus {
  position: Position | undefined;
  /** While replaying the store into an empty read DB: how far (position of the head it replays to). */
  replay?: ReplayProgress;
  running: boolean;
  failing: boolean;
  lastError?: string;
  /** When the read DB last moved on (a batch committed), or when the runner was made: a stall's start. */
  lastProgressAt: Date;
}

/**
 * Feeds the read DB from $all. Each batch of events and the checkpoint after it commit in one read-DB
 * transaction, so every event is applied exactly once across crashes and restarts. After each commit
 * the change notices of the batch are published; never before, so a subscriber never sees a change the
 * read DB does not hold yet.
 */
export class ProjectionRunner {
  private readonly notices = new Subject<ChangeNotice>();
  private readonly checkpoints: CheckpointStore;
  private readonly handlersByType = new Map<string, Projection[]>();
  private readonly waiters = new Set<{ position: Position; resolve: () => void }>();
  /** Waiters that also want to hear that the read model is failing (settled 'behind' then). */
  private readonly failureWaiters = new Set<() => void>();
  private position: Position | undefined;
  private lastProgressAt = new Date();
  private subscription: AllSubscription | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private failing = false;
  private lastError: string | undefined;
  private wakeBackoff: (() => void) | undefined;
  /** During a replay from nothing: the head it replays to. */
  private replayTo: Position | undefined;
  private replayStarted = 0;
  private replayLogged = 0;
  private replayed = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.checkpoints = new CheckpointStore(options.readDb.db);
    for (const projection of options.projections) {
      for (const type of projection.handles) {
        const list = this.handlersByType.get(type) ?? [];
        list.push(projection);
        this.handlersByType.set(type, list);
      }
    }
    this.position = this.checkpoints.load();
  }

  /** Change notices, each published after the change it describes is committed. */
  get changes(): Observable<ChangeNotice> {
    return this.notices.asObservable();
  }

  status(): RunnerStatus {
    return {
      position: this.position,
      ...(this.replayTo === undefined ? {} : { replay: this.replayProgress() }),
      running: this.loop !== undefined && !this.stopping,
      failing: this.failing,
      ...(this.lastError ? { lastError: this.lastError } : {}),
      lastProgressAt: this.lastProgressAt,
    };
  }

  /** Starts following $all from the stored checkpoint. Returns at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Applies everything the store holds now, then returns (for the CLI's rebuild and for tests). */
  async catchUp(): Promise<void> {
    const head = await this.options.store.headPosition();
    if (head === undefined) return;
    this.start();
    await this.waitForPosition(head);
  }

  /** Resolves once the read DB holds every event up to `position` (the caller's own write). */
  waitForPosition(position: Position, timeoutMs = 30_000): Promise<void> {
    if (this.position !== undefined && comparePositions(this.position, position) >= 0)
      return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`The read model did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * Like waitForPosition, but answers 'behind' instead of waiting on when the read model is failing
   * (now, or while waiting) or does not get there in time: a caller whose write is durable can say so
   * at once, rather than wait for a read model that may not recover soon.
   */
  reachOrReport(position: Position, timeoutMs = 30_000): Promise<'reached' | 'behind'> {
    if (this.position !== undefined && comparePositions(this.position, position) >= 0) {
      return Promise.resolve('reached');
    }
    if (this.failing) return Promise.resolve('behind');
    return new Promise((resolve) => {
      const onFailure = () => {
        this.failureWaiters.delete(onFailure);
        resolve('behind');
      };
      this.failureWaiters.add(onFailure);
      this.waitForPosition(position, timeoutMs).then(() => {
        this.failureWaiters.delete(onFailure);
        resolve('reached');
      }, onFailure);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeBackoff?.();
    await this.subscription?.close();
    await this.loop;
    this.loop = undefined;
    this.notices.complete();
  }

  private async run(): Promise<void> {
    let backoff = this.options.initialBackoffMs ?? 100;
    while (!this.stopping) {
      try {
        await this.follow();
        backoff = this.options.initialBackoffMs ?? 100;
      } catch (error) {
        if (this.stopping) break;
        this.failing = true;
        this.lastError = (error as Error).message;
        for (const notify of [...this.failureWaiters]) notify();
        this.options.logger.error('Projection runner failed; resuming from the stored checkpoint', {
          error: this.lastError,
          position: this.position,
          retryInMs: backoff,
        });
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 10_000);
      }
    }
  }

  /** One subscription's life: from the checkpoint, batch by batch, until it ends or fails. */
  private async follow(): Promise<void> {
    // From nothing to the store's head, a replay: larger batches, indexes built once at its end.
    const replayTo = this.position === undefined ? await this.options.store.headPosition() : undefined;
    if (replayTo !== undefined) this.startReplay(replayTo);
    const maxBatch = this.options.maxBatchSize ?? (this.replayTo !== undefined ? REPLAY_BATCH_SIZE : 500);
    this.subscription = this.options.store.subscribeToAll(this.position ? { after: this.position } : {});
    const iterator = this.subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      while (!this.stopping) {
        const batch: RecordedEvent[] = [];
        const first = await (pending ?? iterator.next());
        pending = undefined;
        if (first.done) return;
        batch.push(first.value);
        // Take whatever else is ready right now, so catch-up commits in large transactions.
        while (batch.length < maxBatch) {
          pending = iterator.next();
          // Live, what is ready is there within a few microtasks (the store reads synchronously), so
          // a change is applied, and its writer answered, without waiting for the event loop to turn;
          // a replay waits a turn, for larger transactions.
          const next = await Promise.race([
            pending,
            this.replayTo === undefined ? afterMicrotasks() : nextMacrotask(),
          ]);
          if (next === NOT_READY) break;
          pending = undefined;
          if (next.done) break;
          batch.push(next.value);
        }
        this.applyBatch(batch);
        if (this.replayTo !== undefined) {
          this.replayed += batch.length;
          if (comparePositions(this.position!, this.replayTo) >= 0) this.endReplay();
          else if (Date.now() - this.replayLogged >= 5_000) {
            this.replayLogged = Date.now();
            this.options.logger.info('Replaying', { position: this.position, ...this.replayProgress() });
          }
        }
        // While catching up, every next() resolves at once (the store reads ahead), so without this the
        // whole backlog would be applied without the event loop ever turning: the app would answer no
        // request (not even /health) until caught up. One turn per batch lets I/O through.
        await nextMacrotask();
      }
    } finally {
      await this.subscription.close();
      this.endReplay();
    }
  }

  private replayProgress(): ReplayProgress {
    const seconds = Math.max(0.001, (Date.now() - this.replayStarted) / 1000);
    return {
      to: this.replayTo!,
      events: this.replayed,
      eventsPerSecond: Math.round(this.replayed / seconds),
    };
  }

  private startReplay(head: Position): void {
    this.replayTo = head;
    this.replayStarted = Date.now();
    this.replayLogged = Date.now();
    this.replayed = 0;
    this.options.logger.info('Replaying the store into an empty read DB', { head });
    this.options.readDb.bulkLoading(true);
    for (const projection of this.options.projections) projection.bulkBegin?.(this.options.readDb.db);
  }

  /** Builds what a replay left out (indexes); runs once, when caught up or stopped part-way. */
  private endReplay(): void {
    if (this.replayTo === undefined) return;
    this.replayTo = undefined;
    for (const projection of this.options.projections) projection.bulkEnd?.(this.options.readDb.db);
    this.options.readDb.bulkLoading(false);
    this.options.logger.info('Replay done', {
      position: this.position,
      events: this.replayed,
      seconds: Math.round((Date.now() - this.replayStarted) / 100) / 10,
    });
  }

  private applyBatch(batch: RecordedEvent[]): void {
    const notices: ChangeNotice[] = [];
    const last = batch[batch.length - 1]!.position;
    const { db } = this.options.readDb;
    try {
      this.options.readDb.transaction(() => {
        for (const event of batch) {
          // A restart may hand back events the checkpoint already covers; never apply one twice.
          if (this.position !== undefined && comparePositions(event.position, this.position) <= 0) continue;
          for (const projection of this.handlersByType.get(event.type) ?? []) {
            const produced = projection.apply(event, db);
            if (produced) notices.push(...produced);
          }
        }
        for (const projection of this.options.projections) projection.endBatch?.(db);
        this.checkpoints.save(last);
      });
    } catch (error) {
      for (const projection of this.options.projections) projection.rollback?.(db);
      throw error;
    }
    this.position = last;
    this.lastProgressAt = new Date();
    if (this.failing) this.options.logger.info('Projection runner recovered', { position: last });
    this.failing = false;
    this.lastError = undefined;
    for (const notice of notices) this.notices.next(notice);
    for (const waiter of this.waiters) {
      if (comparePositions(last, waiter.position) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/**
 * Events per transaction while replaying into an empty read DB: about 100 ms of work between turns, so
 * requests (/health's progress) still get through; larger batches re-dirty the same pages less often.
 */
const REPLAY_BATCH_SIZE = 2_000;
const NOT_READY = Symbol('not ready');
/** NOT_READY once a few microtasks have run: long enough for an event already read to be handed over. */
async function afterMicrotasks(): Promise<typeof NOT_READY> {
  for (let hop = 0; hop < 8; hop++) await undefined;
  return NOT_READY;
}

function nextMacrotask(): Promise<typeof NOT_READY> {
  return new Promise((resolve) => setImmediate(() => resolve(NOT_READY)));
}
