import { DatabaseSync } from 'node:sqlite';
import { CachedStatement, ReadCache } from './read-cache.js';

/** The page cache while a replay fills the read DB (KiB; SQLite's default is 2 MiB): larger gained nothing measurable. */
const BULK_CACHE_KIB = 64 * 1024;
/** Distinct query texts kept prepared; past it the cache starts afresh. */
const STATEMENT_CACHE_SIZE = 1_000;

/** One schema step of the read DB. Steps run in order, once each, tracked by `PRAGMA user_version`. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export interface ReadDatabaseOptions {
  /** A file path, or ':memory:'. */
  path: string;
  migrations: readonly Migration[];
  /**
   * Fingerprint of the projections' code. When it differs from the one the file was built with,
   * the read DB is emptied so the runner replays every event: read DBs are disposable.
   */
  projectionsVersion: string;
  /** Empty it whatever it holds, so the runner replays every event (a rebuild on demand). */
  rebuild?: boolean;
  /** Keep query answers until the next commit (ReadCache). @defaultValue true */
  cache?: boolean;
}

/**
 * The SQLite read DB. `synchronous=NORMAL` in WAL mode: a power loss can only lose the last
 * transactions, and the checkpoint goes with them, so the runner simply applies those events again.
 */
export class ReadDatabase {
  readonly db: DatabaseSync;
  /** True when this open started empty: a new file, other projections, or a rebuild asked for. */
  readonly rebuilt: boolean;
  private readonly statements = new Map<string, CachedStatement>();
  private readonly cache: ReadCache;

  private constructor(db: DatabaseSync, rebuilt: boolean, cache: boolean) {
    this.db = db;
    this.rebuilt = rebuilt;
    this.cache = new ReadCache(cache);
  }

  static open(options: ReadDatabaseOptions): ReadDatabase {
    const db = new DatabaseSync(options.path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    db.exec('PRAGMA busy_timeout = 5000;');
    const rebuilt = ReadDatabase.resetIfProjectionsChanged(db, options.projectionsVersion, options.rebuild);
    ReadDatabase.migrate(db, options.migrations);
    return new ReadDatabase(db, rebuilt, options.cache ?? true);
  }

  /**
   * A prepared statement for `text`, prepared once and kept: queries are built from a few fixed shapes,
   * and preparing (parsing and planning) costs more than running most of them.
   */
  prepare(text: string): CachedStatement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      statement = new CachedStatement(this.db.prepare(text), text, this.cache);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** A value computed from reads, kept until the next commit (see ReadCache). */
  remember<T>(key: string, compute: () => T): T {
    return this.cache.remember(key, compute);
  }

  /** Runs `work` in one transaction: all of it is kept, or none. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      // SQLite may have rolled back already (a full disk, an I/O error): then ROLLBACK would throw
      // "no transaction is active" and hide the error that matters.
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      // Whatever was read before may have changed.
      this.cache.clear();
    }
  }

  /**
   * While a replay fills an empty read DB: a page cache large enough to keep the tables' hot pages, and
   * the WAL checkpointed every 100,000 pages instead of every 1,000 (each checkpoint copies pages the next
   * batches dirty again). Durability is unchanged (synchronous stays NORMAL); off, the WAL is folded in.
   */
  bulkLoading(on: boolean): void {
    if (on) {
      this.db.exec(`PRAGMA cache_size = -${BULK_CACHE_KIB}; PRAGMA wal_autocheckpoint = 100000;`);
    } else {
      this.db.exec('PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;');
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Drops every table so migrations build the schema anew and the runner replays from the start. */
  static dropEverything(db: DatabaseSync): void {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    db.exec('PRAGMA foreign_keys = OFF');
    for (const { name } of tables) db.exec(`DROP TABLE IF EXISTS "${name}"`);
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA user_version = 0');
  }

  private static resetIfProjectionsChanged(
    db: DatabaseSync,
    projectionsVersion: string,
    force = false,
  ): boolean {
    db.exec('CREATE TABLE IF NOT EXISTS read_model_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const row = db.prepare("SELECT value FROM read_model_meta WHERE key = 'projections_version'").get() as
      { value: string } | undefined;
    if (row?.value === projectionsVersion && !force) return false;
    ReadDatabase.dropEverything(db);
    db.exec('CREATE TABLE read_model_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.prepare("INSERT INTO read_model_meta (key, value) VALUES ('projections_version', ?)").run(
      projectionsVersion,
    );
    return true;
  }

  private static migrate(db: DatabaseSync, migrations: readonly Migration[]): void {
    const { user_version: current } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      db.exec('BEGIN IMMEDIATE');
      try {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${Number(migration.version)}`);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw new Error(`Read DB migration ${migration.version} (${migration.description}) failed`, {
          cause: error,
        });
      }
    }
  }
}
