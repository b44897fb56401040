import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { StoreUnavailableError } from '../errors.js';
import type { EventToAppend, RecordedEvent } from '../event.js';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoreHealth,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import type { Position } from '../position.js';
import { validateAppend, type ValidatedAppend } from '../validation/append-validation.js';
import { appendGroup, type GroupMember } from './append.js';
import { globalPositionOf, headPosition, readAll, readAllAfter, readStream } from './read.js';
import { SqliteAllSubscription } from './sqlite-all-subscription.js';
import { messageOf, toEventStoreError } from './sqlite-errors.js';
import {
  type ResolvedSqliteEventStoreOptions,
  resolveSqliteOptions,
  type SqliteEventStoreOptions,
} from './sqlite-event-store.options.js';
import { prepareDatabase } from './sqlite-schema.js';
import { prepareStatements, type SqliteStatements } from './sqlite-statements.js';
import { backfillLog } from './transparency-log.js';
import { MerkleLog } from '@tracker/integrity';

const STORE_NAME = 'sqlite';

interface PendingAppend {
  append: ValidatedAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded event store: one SQLite file on node:sqlite, in WAL mode.
 *
 * node:sqlite is synchronous, so every operation runs to completion (an append to its COMMIT) inside
 * the call that started it: nothing is ever half-done when another call, or `close()`, runs. Appends
 * from other processes on the same file are serialised by SQLite's write lock.
 */
export class SqliteEventStore implements EventStore {
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private closing: Promise<void> | undefined;
  /** Appends waiting for the next group commit. */
  private pending: PendingAppend[] = [];

  private constructor(
    private readonly db: DatabaseSync,
    private readonly statements: SqliteStatements,
    private readonly options: ResolvedSqliteEventStoreOptions,
    /**
     * The tamper-evident log of every event, kept in this file and appended to in each append's
     * transaction (libs/integrity). Read it for roots, proofs and checkpoints; absent when turned off.
     */
    readonly log: MerkleLog | undefined,
  ) {}

  /**
   * Opens (creating when missing) the store file and brings its schema up to date. Synchronous, like
   * node:sqlite itself.
   * @throws StoreUnavailableError when the file cannot be opened as an event store.
   */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const resolved = resolveSqliteOptions(options);
    let db: DatabaseSync | undefined;
    try {
      if (resolved.path !== ':memory:') mkdirSync(dirname(resolved.path), { recursive: true });
      db = new DatabaseSync(resolved.path);
      prepareDatabase(db, resolved);
      let log: MerkleLog | undefined;
      if (resolved.transparencyLog) {
        log = new MerkleLog(db);
        backfillLog(db, log);
      }
      return new SqliteEventStore(db, prepareStatements(db), resolved, log);
    } catch (error) {
      if (db?.isOpen) db.close();
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(
        `The SQLite event store could not open ${resolved.path}: ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async append(
    stream: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.ensureOpen();
    const validated = validateAppend(stream, events, options);
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ append: validated, resolve, reject });
      // Every append asked for until the event loop next turns joins one transaction: while a commit
      // waits for the disk, the requests behind it gather, and the next commit takes them all.
      if (this.pending.length === 1) setImmediate(() => this.commitPending());
    });
  }

  /** Commits the appends waiting, as one group (append.ts's appendGroup), and answers each. */
  private commitPending(): void {
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    let members: GroupMember[];
    try {
      members = appendGroup(
        this.db,
        this.statements,
        group.map((waiting) => waiting.append),
        this.options.clock(),
        this.log,
      );
    } catch (error) {
      // Nothing of the group was written (BEGIN or COMMIT failed): each learns why.
      for (const waiting of group) {
        waiting.reject(toEventStoreError(error, `append to stream "${waiting.append.stream}"`));
      }
      return;
    }
    if (members.some((member) => 'outcome' in member && member.outcome.written)) {
      for (const subscription of this.subscriptions) subscription.appended();
    }
    members.forEach((member, index) => {
      const waiting = group[index]!;
      if ('outcome' in member) waiting.resolve(member.outcome.result);
      else waiting.reject(toEventStoreError(member.error, `append to stream "${waiting.append.stream}"`));
    });
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    try {
      return readStream(this.statements, stream, options);
    } catch (error) {
      throw toEventStoreError(error, `read stream "${stream}"`);
    }
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.ensureOpen();
    try {
      return readAll(this.statements, options);
    } catch (error) {
      throw toEventStoreError(error, 'read $all');
    }
  }

  async headPosition(): Promise<Position | undefined> {
    this.ensureOpen();
    try {
      return headPosition(this.statements);
    } catch (error) {
      throw toEventStoreError(error, 'read the head position');
    }
  }

  /** @throws StoreUnavailableError (synchronously) once the store is closed. */
  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.ensureOpen();
    const after = options.after === undefined ? 0n : globalPositionOf(options.after);
    const subscription = new SqliteAllSubscription(
      {
        readAfter: (position, maxCount) => {
          try {
            return readAllAfter(this.statements, position, maxCount);
          } catch (error) {
            throw toEventStoreError(error, 'read $all for a subscription');
          }
        },
      },
      after,
      { batchSize: this.options.subscriptionBatchSize, pollIntervalMs: this.options.pollIntervalMs },
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Never throws: reports the pragmas actually in force, so a misconfigured file shows up here. */
  async health(): Promise<StoreHealth> {
    const details: Record<string, unknown> = { path: this.options.path };
    if (this.closing)
      return { status: 'down', store: STORE_NAME, reason: 'The event store is closed', details };
    try {
      const journal = this.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
      const sync = this.db.prepare('PRAGMA synchronous').get() as { synchronous: number };
      details.journalMode = journal.journal_mode;
      details.synchronous = SYNCHRONOUS_NAMES[sync.synchronous] ?? String(sync.synchronous);
      details.headPosition = headPosition(this.statements) ?? null;
      return { status: 'up', store: STORE_NAME, details };
    } catch (error) {
      return { status: 'down', store: STORE_NAME, reason: messageOf(error), details };
    }
  }

  /**
   * Ends every subscription and closes the file. Appends already called have committed (they are
   * synchronous); later calls fail with StoreUnavailableError. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    // Appends already asked for commit first: a caller told "appended" is never let down by a close.
    this.commitPending();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private ensureOpen(): void {
    if (this.closing) throw new StoreUnavailableError(`The event store ${this.options.path} is closed`);
  }
}

const SYNCHRONOUS_NAMES: Record<number, string> = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };
