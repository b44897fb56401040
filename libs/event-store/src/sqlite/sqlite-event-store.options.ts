/** How to open a SqliteEventStore. Only `path` is required; the defaults are the durable ones. */
export interface SqliteEventStoreOptions {
  /**
   * The store's file, created (with its folder) when missing. Several processes may open the same file:
   * SQLite serialises their appends. `':memory:'` gives a throwaway store without WAL, for quick tests.
   */
  path: string;
  /**
   * `'FULL'`: every acknowledged append is on disk and survives a power loss. `'NORMAL'`: faster, and
   * still never corrupts or half-writes, but a power loss (not a process crash) may undo the last
   * acknowledged appends.
   * @defaultValue `'FULL'`
   */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * How long an append waits for another process's write lock before failing with
   * StoreUnavailableError. node:sqlite is synchronous, so this wait blocks the event loop; other
   * writers hold the lock only for one commit.
   * @defaultValue 5000
   */
  busyTimeoutMs?: number;
  /**
   * How often an idle live subscription looks for events appended by other connections or processes.
   * Appends through this store instance wake its subscribers at once, without waiting for the poll.
   * @defaultValue 100
   */
  pollIntervalMs?: number;
  /**
   * Events a subscription reads from the file at a time. Also bounds what it holds in memory: it reads
   * the next batch only when its consumer has taken the previous one.
   * @defaultValue 500
   */
  subscriptionBatchSize?: number;
  /**
   * The store clock, read once per append: every event of an append gets the same `recordedAt`.
   * @defaultValue `() => new Date()`
   */
  clock?: () => Date;
  /**
   * Keep the tamper-evident Merkle log of every event (libs/integrity) in this file, each leaf written
   * in its event's transaction. Off only to measure what it costs.
   * @defaultValue true
   */
  transparencyLog?: boolean;
}

export type ResolvedSqliteEventStoreOptions = Required<SqliteEventStoreOptions>;

export function resolveSqliteOptions(options: SqliteEventStoreOptions): ResolvedSqliteEventStoreOptions {
  if (typeof options?.path !== 'string' || options.path.length === 0) {
    throw new TypeError('SqliteEventStore needs a file path');
  }
  const resolved: ResolvedSqliteEventStoreOptions = {
    path: options.path,
    synchronous: options.synchronous ?? 'FULL',
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    pollIntervalMs: options.pollIntervalMs ?? 100,
    subscriptionBatchSize: options.subscriptionBatchSize ?? 500,
    clock: options.clock ?? (() => new Date()),
    transparencyLog: options.transparencyLog ?? true,
  };
  if (resolved.synchronous !== 'FULL' && resolved.synchronous !== 'NORMAL') {
    throw new TypeError(`synchronous must be 'FULL' or 'NORMAL', not ${String(resolved.synchronous)}`);
  }
  checkWholeNumber('busyTimeoutMs', resolved.busyTimeoutMs, 0);
  checkWholeNumber('pollIntervalMs', resolved.pollIntervalMs, 1);
  checkWholeNumber('subscriptionBatchSize', resolved.subscriptionBatchSize, 1);
  return resolved;
}

function checkWholeNumber(name: string, value: number, minimum: number): void {
  // Interpolated into PRAGMA statements and timers: only plain whole numbers get through.
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number >= ${minimum}, not ${value}`);
  }
}
