import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockReadDb, ReadDbInUseError } from './read-db-lock.js';

describe('lockReadDb', () => {
  const readDb = () => join(mkdtempSync(join(tmpdir(), 'read-lock-')), 'read.sqlite');

  it('takes the lock, and gives it back', () => {
    const path = readDb();
    const lock = lockReadDb(path);
    expect(existsSync(`${path}.lock`)).toBe(true);
    lock.release();
    expect(existsSync(`${path}.lock`)).toBe(false);
    lockReadDb(path).release();
  });

  it('refuses while another live process holds it, and takes over once it is gone', async () => {
    const path = readDb();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    writeFileSync(`${path}.lock`, String(child.pid));
    expect(() => lockReadDb(path)).toThrow(ReadDbInUseError);
    expect(() => lockReadDb(path)).toThrow(`in use by process ${child.pid}`);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const lock = lockReadDb(path);
    lock.release();
  });
});
