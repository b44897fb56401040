import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { InvalidAppendError, StoreUnavailableError } from '../errors.js';
import {
  anEvent,
  aStreamName,
  eventStoreContract,
  iteratorOf,
  rejectionOf,
  settledSoon,
  someEvents,
} from '../testing/index.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import type { SqliteEventStoreOptions } from './sqlite-event-store.options.js';
import { SCHEMA_VERSION } from './sqlite-schema.js';

// Small subscription batches, so catch-up spans many reads and the contract crosses batch edges.
eventStoreContract('SqliteEventStore on a file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sqlite-event-store-'));
  const path = join(dir, 'events.sqlite');
  const open = async (): Promise<SqliteEventStore> =>
    SqliteEventStore.open({ path, subscriptionBatchSize: 7, pollIntervalMs: 20 });
  return { store: await open(), openAnother: open, cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('SqliteEventStore', () => {
  let dir: string;
  let opened: SqliteEventStore[] = [];
  const aFile = (): string => join(dir, `${randomUUID()}.sqlite`);
  /** Closed after each test even when it fails, so no poll timer outlives it. */
  const open = (options: SqliteEventStoreOptions): SqliteEventStore => {
    const store = SqliteEventStore.open(options);
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sqlite-event-store-specifics-'));
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    opened = [];
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function pragma(path: string, name: string): unknown {
    const db = new DatabaseSync(path);
    try {
      return Object.values(db.prepare(`PRAGMA ${name}`).get() as object)[0];
    } finally {
      db.close();
    }
  }

  it('commits appends asked for together as one group: each checked alone, a refused one rolled back alone', async () => {
    const path = aFile();
    const store = open({ path });
    const [a, b, c] = [aStreamName('group'), aStreamName('group'), aStreamName('group')];
    await store.append(b, someEvents(1));
    // Asked for in one turn of the event loop: one transaction.
    const results = await Promise.allSettled([
      store.append(a, someEvents(2), { expectedRevision: 'no_stream' }),
      store.append(b, someEvents(3), { expectedRevision: 'no_stream' }), // b exists: refused
      store.append(a, someEvents(1), { expectedRevision: 1n }), // sees the first append of the group
      store.append(
        c,
        [anEvent('Bad', {}), anEvent('Bad', {})].map((e, i, all) => ({ ...e, id: all[0]!.id })),
      ),
      store.append(c, someEvents(2), { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      name: 'WrongExpectedRevisionError',
    });
    expect((await store.readStream(a)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
    expect(await store.readStream(b)).toHaveLength(1);
    expect((await store.readStream(c)).map((event) => event.type)).toEqual([
      'SomethingHappened',
      'SomethingHappened',
    ]);
    // Positions follow the order the appends were asked in, the refused ones leaving no trace.
    const positions = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value.position] : [],
    );
    expect([...positions].sort()).toEqual(positions);
  });

  it('answers each append of a group that commits only once the group is durable, and none when it fails', async () => {
    const path = aFile();
    const store = open({ path });
    const stream = aStreamName('group');
    // Another connection holds the write lock: the group cannot begin, so nothing of it is written.
    const failing = open({ path, busyTimeoutMs: 50 });
    const blocker = new DatabaseSync(path);
    blocker.exec('PRAGMA busy_timeout = 0; BEGIN IMMEDIATE');
    const refused = await Promise.allSettled([
      failing.append(stream, someEvents(1)),
      failing.append(stream, someEvents(1)),
    ]);
    expect(refused.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    blocker.exec('ROLLBACK');
    blocker.close();
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('writes none of an append whose second event fails to insert: no events, no leaf, the head unmoved', async () => {
    const path = aFile();
    const store = open({ path });
    await store.append('before', [{ id: randomUUID(), type: 'Noted', data: {} }]);
    const head = await store.headPosition();
    // A fault on the second insert of one append only: the first has already gone in when it strikes.
    const saboteur = new DatabaseSync(path);
    saboteur.exec(`CREATE TRIGGER second_insert_fails BEFORE INSERT ON events
      WHEN NEW.stream = 'atomic' AND NEW.revision = 1 BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    saboteur.close();
    const events = [0, 1, 2].map((n) => ({ id: randomUUID(), type: 'Noted', data: { n } }));
    await expect(store.append('atomic', events)).rejects.toThrow(/injected fault/);
    expect(await store.readStream('atomic')).toEqual([]);
    expect(await store.headPosition()).toBe(head);
    expect(store.log!.size()).toBe(1);
    // The store goes on: the same append lands whole once the fault is gone.
    const fixer = new DatabaseSync(path);
    fixer.exec('DROP TRIGGER second_insert_fails');
    fixer.close();
    await store.append('atomic', events);
    expect((await store.readStream('atomic')).map((event) => event.data)).toEqual([
      { n: 0 },
      { n: 1 },
      { n: 2 },
    ]);
  });

  it('puts the file in WAL mode and its connection at synchronous=FULL by default', async () => {
    const path = aFile();
    const store = open({ path });
    try {
      expect(pragma(path, 'journal_mode')).toBe('wal');
      // synchronous is per connection: only the store's own connection can tell.
      expect(await store.health()).toMatchObject({
        status: 'up',
        store: 'sqlite',
        details: { journalMode: 'wal', synchronous: 'FULL' },
      });
    } finally {
      await store.close();
    }
  });

  it('uses synchronous=NORMAL when asked to', async () => {
    const store = open({ path: aFile(), synchronous: 'NORMAL' });
    expect(await store.health()).toMatchObject({ details: { synchronous: 'NORMAL' } });
    await store.close();
  });

  it('creates missing folders and records its schema version in the file', async () => {
    const path = join(dir, 'nested', randomUUID(), 'events.sqlite');
    const store = open({ path });
    await store.append(aStreamName(), [anEvent()]);
    await store.close();
    expect(existsSync(path)).toBe(true);
    expect(pragma(path, 'user_version')).toBe(SCHEMA_VERSION);
  });

  it('reopens a file with its events, and keeps positions growing', async () => {
    const path = aFile();
    const first = open({ path });
    const stream = aStreamName();
    const before = await first.append(stream, someEvents(2));
    await first.close();

    const second = open({ path });
    expect(await second.readStream(stream)).toHaveLength(2);
    const after = await second.append(stream, [anEvent()], { expectedRevision: 1n });
    expect(after.position > before.position).toBe(true);
    await second.close();
  });

  it('refuses a file written by a newer schema version', async () => {
    const path = aFile();
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => SqliteEventStore.open({ path })).toThrow(StoreUnavailableError);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const path = aFile();
    await writeFile(path, 'this is not a database, just some text long enough to be looked at'.repeat(20));
    expect(() => SqliteEventStore.open({ path })).toThrow(StoreUnavailableError);
  });

  it('refuses bad options before touching the disk', () => {
    const path = aFile();
    expect(() => SqliteEventStore.open({ path, synchronous: 'OFF' as never })).toThrow(TypeError);
    expect(() => SqliteEventStore.open({ path, busyTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => SqliteEventStore.open({ path, subscriptionBatchSize: 0 })).toThrow(RangeError);
    expect(existsSync(path)).toBe(false);
  });

  it('fails an append with StoreUnavailableError, writing nothing, while another connection holds the lock', async () => {
    const path = aFile();
    const store = open({ path, busyTimeoutMs: 20 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await rejectionOf(store.append(aStreamName(), someEvents(2)));
      expect(error).toBeInstanceOf(StoreUnavailableError);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.readAll()).toEqual([]);
    expect((await store.append(aStreamName(), [anEvent()])).nextRevision).toBe(0n);
    await store.close();
  });

  it('stamps recordedAt from the configured clock', async () => {
    const at = new Date('2026-03-01T08:30:00.123Z');
    const store = open({ path: aFile(), clock: () => at });
    const stream = aStreamName();
    await store.append(stream, someEvents(2));
    expect((await store.readStream(stream)).map((event) => event.recordedAt)).toEqual([at, at]);
    await store.close();
  });

  it('wakes its own live subscribers on append, without waiting for the poll', async () => {
    const store = open({ path: aFile(), pollIntervalMs: 2 ** 31 - 1 });
    const subscription = store.subscribeToAll();
    const waiting = iteratorOf(subscription).next();
    expect(await settledSoon(waiting)).toBe('pending');
    const event = anEvent();
    await store.append(aStreamName(), [event]);
    expect(await settledSoon(waiting)).toMatchObject({ done: false, value: { id: event.id } });
    await store.close();
  });

  it('reads the events a second instance appended, through a subscription that polls', async () => {
    const path = aFile();
    const reader = open({ path, pollIntervalMs: 5 });
    const writer = open({ path });
    const subscription = reader.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const waiting = iterator.next();
    const event = anEvent('Elsewhere');
    await writer.append(aStreamName(), [event]);
    expect((await waiting).value?.id).toBe(event.id);
    await Promise.all([reader.close(), writer.close()]);
  });

  it('works in memory too, for quick tests', async () => {
    const store = open({ path: ':memory:' });
    await store.append('memory', [anEvent()]);
    expect(await store.readStream('memory')).toHaveLength(1);
    expect(await rejectionOf(store.append('', [anEvent()]))).toBeInstanceOf(InvalidAppendError);
    await store.close();
  });
});
