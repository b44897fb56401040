import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** Another live process feeds this read DB: a second runner would apply events twice. */
export class ReadDbInUseError extends Error {
  constructor(
    readonly path: string,
    /** The holder's process id, when it could be read. */
    readonly pid: number | undefined,
  ) {
    super(`The read DB ${path} is in use by ${pid === undefined ? 'another process' : `process ${pid}`}`);
    this.name = 'ReadDbInUseError';
  }
}

export interface ReadDbLock {
  release(): void;
}

/**
 * Takes `<read DB>.lock` for this process. One read DB, one feeder: two servers on one data folder, or
 * the CLI's rebuild under a running server, would each apply the store from their own checkpoint.
 *
 * The lock is an exclusive SQLite transaction held open on that file: the operating system lets it go
 * when the process ends, however it ends, so a crash never leaves a stale lock (a process id in a file
 * could, once the dead server's id is reused). `<read DB>.lock.pid` names the holder, for the message only.
 */
export function lockReadDb(readDbPath: string): ReadDbLock {
  const path = `${readDbPath}.lock`;
  const pidFile = `${path}.pid`;
  const db = openLockFile(path);
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (!/locked|busy/i.test((error as Error).message)) throw error;
    throw new ReadDbInUseError(readDbPath, holderOf(pidFile));
  }
  writeFileSync(pidFile, String(process.pid));
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      rmSync(pidFile, { force: true });
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

function openLockFile(path: string): DatabaseSync {
  for (let attempt = 0; ; attempt++) {
    const db = new DatabaseSync(path);
    try {
      // Refuse at once rather than wait: a held lock means a live feeder.
      db.exec('PRAGMA busy_timeout = 0; PRAGMA journal_mode = DELETE;');
      return db;
    } catch (error) {
      db.close();
      // A lock file of an older release held a process id, not a database: it is replaced.
      if (attempt === 0 && /not a database/i.test((error as Error).message)) {
        rmSync(path, { force: true });
        continue;
      }
      if (/locked|busy/i.test((error as Error).message)) return new DatabaseSync(path);
      throw error;
    }
  }
}

function holderOf(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
