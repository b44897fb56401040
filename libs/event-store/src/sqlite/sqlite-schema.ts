import { MERKLE_LOG_SCHEMA } from '@tracker/integrity';
import type { DatabaseSync } from 'node:sqlite';
import { StoreUnavailableError } from '../errors.js';
import type { ResolvedSqliteEventStoreOptions } from './sqlite-event-store.options.js';

/**
 * Schema versions, in order; `PRAGMA user_version` records how many have been applied. Append a new
 * entry for a change, never edit a released one: files written by older code are migrated at open.
 */
const MIGRATIONS: readonly string[] = [
  // global_position is the store order ($all). AUTOINCREMENT never reuses a number, and since SQLite
  // admits one writer at a time, numbers become visible in order: a reader that has seen N has seen
  // everything before N (the no-gap guarantee subscriptions rely on).
  // (stream, revision) serves stream reads and the stream's current revision; (stream, id) finds a
  // retried append's events. Ids are unique per stream, as in KurrentDB.
  `CREATE TABLE events (
     global_position INTEGER PRIMARY KEY AUTOINCREMENT,
     stream TEXT NOT NULL,
     revision INTEGER NOT NULL CHECK (revision >= 0),
     id TEXT NOT NULL,
     type TEXT NOT NULL,
     data TEXT NOT NULL,
     metadata TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     UNIQUE (stream, revision),
     UNIQUE (stream, id)
   ) STRICT`,
  // The transparency log's leaves, subtrees and signed checkpoints (libs/integrity's MerkleLog), in the
  // same file so that an event and its leaf commit together. Filled for older files at open.
  MERKLE_LOG_SCHEMA,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Sets the connection's pragmas and brings the file's schema up to date. */
export function prepareDatabase(db: DatabaseSync, options: ResolvedSqliteEventStoreOptions): void {
  // First, so that every statement below waits for another process's lock instead of failing.
  db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`);
  const journalMode = walMode(db, options.busyTimeoutMs);
  if (journalMode !== 'wal' && options.path !== ':memory:') {
    throw new StoreUnavailableError(
      `SQLite refused WAL mode for ${options.path} (it stayed in ${journalMode})`,
    );
  }
  // Per connection, not stored in the file: set on every open.
  db.exec(`PRAGMA synchronous = ${options.synchronous}`);
  migrate(db, options.path);
}

/**
 * Puts the file in WAL mode (a no-op once it is) and says the mode it is in. Switching needs the file to
 * itself, and SQLite answers "database is locked" at once rather than waiting out busy_timeout when other
 * processes open a fresh file at the same moment: tried again until the busy timeout has passed.
 */
function walMode(db: DatabaseSync, busyTimeoutMs: number): string {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      const { journal_mode: current } = db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
      if (current === 'wal') return current;
      return (db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string }).journal_mode;
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== SQLITE_BUSY || Date.now() >= deadline) throw error;
      Atomics.wait(PAUSE, 0, 0, 5);
    }
  }
}

const SQLITE_BUSY = 5;
/** Something to wait on for a few milliseconds without a busy loop (open is synchronous). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function migrate(db: DatabaseSync, path: string): void {
  // IMMEDIATE: two processes opening a fresh file at once must not both create the tables.
  db.exec('BEGIN IMMEDIATE');
  try {
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (version > MIGRATIONS.length) {
      throw new StoreUnavailableError(
        `${path} has event-store schema version ${version}, newer than this code's ${MIGRATIONS.length}: ` +
          'it was written by a newer release',
      );
    }
    for (const migration of MIGRATIONS.slice(version)) db.exec(migration);
    if (version < MIGRATIONS.length) db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
