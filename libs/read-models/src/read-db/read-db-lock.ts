import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';

/** Another live process feeds this read DB: a second runner would apply events twice. */
export class ReadDbInUseError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`The read DB ${path} is in use by process ${pid}`);
    this.name = 'ReadDbInUseError';
  }
}

export interface ReadDbLock {
  release(): void;
}

/**
 * Takes `<read DB>.lock` for this process. One read DB, one feeder: two servers on one data folder, or
 * the CLI's rebuild under a running server, would each apply the store from their own checkpoint. A lock
 * left by a process that is gone (killed, crashed) is taken over.
 */
export function lockReadDb(readDbPath: string): ReadDbLock {
  const path = `${readDbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (holder !== process.pid && isAlive(holder)) throw new ReadDbInUseError(readDbPath, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}

function releaseIfOurs(path: string): void {
  try {
    if (Number(readFileSync(path, 'utf8')) === process.pid) rmSync(path, { force: true });
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
