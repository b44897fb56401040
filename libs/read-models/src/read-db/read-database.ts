import { DatabaseSync } from 'node:sqlite';

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
}

/**
 * The SQLite read DB. `synchronous=NORMAL` in WAL mode: a power loss can only lose the last
 * transactions, and the checkpoint goes with them, so the runner simply applies those events again.
 */
export class ReadDatabase {
  readonly db: DatabaseSync;
  /** True when this open started empty: a new file, other projections, or a rebuild asked for. */
  readonly rebuilt: boolean;

  private constructor(db: DatabaseSync, rebuilt: boolean) {
    this.db = db;
    this.rebuilt = rebuilt;
  }

  static open(options: ReadDatabaseOptions): ReadDatabase {
    const db = new DatabaseSync(options.path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    db.exec('PRAGMA busy_timeout = 5000;');
    const rebuilt = ReadDatabase.resetIfProjectionsChanged(db, options.projectionsVersion, options.rebuild);
    ReadDatabase.migrate(db, options.migrations);
    return new ReadDatabase(db, rebuilt);
  }

  /** Runs `work` in one transaction: all of it is kept, or none. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
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
