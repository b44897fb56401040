import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { lockReadDb, ReadDbInUseError } from './read-db-lock.js';

/** A process that takes the lock (through node:sqlite, as lockReadDb does) and holds it until killed. */
function holder(path: string) {
  const script = `
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(${JSON.stringify(`${path}.lock`)});
    db.exec('PRAGMA busy_timeout = 0; PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE');
    require('node:fs').writeFileSync(${JSON.stringify(`${path}.lock.pid`)}, String(process.pid));
    console.log('locked');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const locked = new Promise<void>((resolve) =>
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'locked' && resolve()),
  );
  return { child, locked };
}

describe('lockReadDb', () => {
  const readDb = () => join(mkdtempSync(join(tmpdir(), 'read-lock-')), 'read.sqlite');

  it('takes the lock, refuses a second taker while held, and gives it back', () => {
    const path = readDb();
    const lock = lockReadDb(path);
    expect(() => lockReadDb(path)).toThrow(ReadDbInUseError);
    expect(() => lockReadDb(path)).toThrow(`in use by process ${process.pid}`);
    lock.release();
    expect(existsSync(`${path}.lock.pid`)).toBe(false);
    lockReadDb(path).release();
  });

  it('refuses while another live process holds it, and is free the moment that process dies', async () => {
    const path = readDb();
    const { child, locked } = holder(path);
    await locked;
    expect(() => lockReadDb(path)).toThrow(`in use by process ${child.pid}`);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // Its pid file is left behind, and the pid may belong to anything by now: the lock is free all the same.
    writeFileSync(`${path}.lock.pid`, String(process.ppid));
    lockReadDb(path).release();
  });

  it('replaces a lock file of an older release (a process id, not a database)', () => {
    const path = readDb();
    writeFileSync(`${path}.lock`, String(process.ppid));
    lockReadDb(path).release();
  });
});
