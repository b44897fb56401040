import { afterEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@tracker/event-store';
import { MerkleLog } from '@tracker/integrity';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { LogFollower } from './log-follower.js';

const folders: string[] = [];
const folder = (): string => {
  const made = mkdtempSync(join(tmpdir(), 'log-follower-'));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

const event = (at: number) => ({
  id: randomUUID(),
  type: 'Noted',
  data: { at },
  metadata: { actor: 'test' },
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A follower of `store` writing its log to a file of its own, as a KurrentDB instance does. */
function follower(store: SqliteEventStore, path: string) {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  const log = new MerkleLog(db);
  const errors: unknown[] = [];
  const following = new LogFollower(store, db, log, (error) => errors.push(error));
  return { db, log, following, errors };
}

// The store here is the SQLite one, followed through the port exactly as KurrentDB's $all is followed: the
// follower sees only subscribeToAll. Its own log is the reference every follower must reproduce.
describe('LogFollower: the log of a store that does not keep one', () => {
  it('derives, on every instance, the tree the store itself derives, and resumes where it stopped', async () => {
    const dir = folder();
    const store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), pollIntervalMs: 5 });
    for (let at = 0; at < 150; at++) await store.append(`stream-${at % 7}`, [event(at)]);
    const first = follower(store, join(dir, 'a.sqlite'));
    const second = follower(store, join(dir, 'b.sqlite'));
    first.following.start();
    second.following.start();
    await until(() => first.log.size() === 150 && second.log.size() === 150);

    // Live appends, and one instance restarting in the middle.
    await first.following.stop();
    for (let at = 150; at < 230; at++) await store.append(`stream-${at % 5}`, [event(at), event(at + 1000)]);
    const restarted = new LogFollower(store, first.db, first.log, (error) => first.errors.push(error));
    restarted.start();
    await until(() => first.log.size() === 310 && second.log.size() === 310);
    await restarted.stop();
    await second.following.stop();

    const reference = store.log!;
    expect(reference.size()).toBe(310);
    for (const size of [1, 2, 149, 150, 151, 200, 310]) {
      expect(first.log.root(size).toString('hex')).toBe(reference.root(size).toString('hex'));
      expect(second.log.root(size).toString('hex')).toBe(reference.root(size).toString('hex'));
    }
    expect(first.log.leaves(0, 310).map((leaf) => leaf.position)).toEqual(
      reference.leaves(0, 310).map((leaf) => leaf.position),
    );
    expect([...first.errors, ...second.errors]).toEqual([]);
    first.db.close();
    second.db.close();
    await store.close();
  });
});
