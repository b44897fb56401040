import { SqliteEventStore, type EventStore, type RecordedEvent } from '@tracker/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { firstValueFrom, take, toArray } from 'rxjs';
import { v4 as uuid } from 'uuid';
import { ReadDatabase } from '../read-db/read-database.js';
import { CHECKPOINT_TABLE_SQL } from './checkpoint-store.js';
import type { ChangeNotice, Projection } from './projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';

/** Counts `Tallied` events per stream; a second application of one event would show as a double count. */
class TallyProjection implements Projection {
  readonly name = 'tally';
  readonly version = 1;
  readonly handles = new Set(['Tallied']);
  failOn: string | undefined;

  apply(event: RecordedEvent, db: DatabaseSync): ChangeNotice[] {
    if (event.id === this.failOn) throw new Error('projection bug');
    db.prepare(
      `INSERT INTO tallies (stream, count) VALUES (?, 1)
       ON CONFLICT (stream) DO UPDATE SET count = count + 1`,
    ).run(event.stream);
    return [
      {
        recordId: event.stream,
        kind: 'TALLY',
        countries: [],
        position: event.position,
        eventType: event.type,
      },
    ];
  }
}

const migrations = [
  { version: 1, description: 'runner', sql: CHECKPOINT_TABLE_SQL },
  {
    version: 2,
    description: 'tallies',
    sql: 'CREATE TABLE tallies (stream TEXT PRIMARY KEY, count INTEGER NOT NULL)',
  },
];
const silent = { info: () => {}, warn: () => {}, error: () => {} };

function tallies(readDb: ReadDatabase): Record<string, number> {
  const rows = readDb.db.prepare('SELECT stream, count FROM tallies').all() as {
    stream: string;
    count: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.stream, row.count]));
}

async function appendTallies(store: EventStore, stream: string, count: number) {
  const events = Array.from({ length: count }, () => ({ id: uuid(), type: 'Tallied', data: {} }));
  return store.append(stream, events);
}

describe('ProjectionRunner', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
  });

  function openReadDb(projectionsVersion = 'v1', rebuild = false) {
    return ReadDatabase.open({ path: join(dir, 'read.sqlite'), migrations, projectionsVersion, rebuild });
  }

  /** A runner feeding `readDb` with a tally projection, silent unless `options` say otherwise. */
  function tallyRunner(readDb: ReadDatabase, options: Partial<ProjectionRunnerOptions> = {}) {
    return new ProjectionRunner({
      store,
      readDb,
      projections: [new TallyProjection()],
      logger: silent,
      ...options,
    });
  }

  it('applies every event once, ignores types it does not handle, and waits for a position', async () => {
    const readDb = openReadDb();
    const runner = tallyRunner(readDb);
    runner.start();
    await appendTallies(store, 'a', 3);
    await store.append('a', [{ id: uuid(), type: 'Ignored', data: {} }]);
    const last = await appendTallies(store, 'b', 2);
    await runner.waitForPosition(last.position);
    expect(tallies(readDb)).toEqual({ a: 3, b: 2 });
    expect(runner.status().position).toBe(last.position);
    await runner.stop();
    readDb.close();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    let readDb = openReadDb();
    let runner = tallyRunner(readDb);
    runner.start();
    await runner.waitForPosition((await appendTallies(store, 'a', 5)).position);
    await runner.stop();
    readDb.close();

    await appendTallies(store, 'a', 4); // while the runner is down
    readDb = openReadDb();
    runner = tallyRunner(readDb);
    await runner.catchUp();
    expect(tallies(readDb)).toEqual({ a: 9 });
    await runner.stop();
    readDb.close();
  });

  it('rebuilds from scratch when the projections version changes', async () => {
    let readDb = openReadDb('v1');
    let runner = tallyRunner(readDb);
    await appendTallies(store, 'a', 2);
    await runner.catchUp();
    await runner.stop();
    readDb.db.prepare("UPDATE tallies SET count = 100 WHERE stream = 'a'").run();
    readDb.close();

    readDb = openReadDb('v2');
    expect(readDb.rebuilt).toBe(true);
    runner = tallyRunner(readDb);
    await runner.catchUp();
    expect(tallies(readDb)).toEqual({ a: 2 });
    await runner.stop();
    readDb.close();
  });

  it('rebuilds from scratch on demand, the same projections notwithstanding', async () => {
    let readDb = openReadDb();
    let runner = tallyRunner(readDb);
    await appendTallies(store, 'a', 3);
    await runner.catchUp();
    await runner.stop();
    readDb.db.prepare("UPDATE tallies SET count = 100 WHERE stream = 'a'").run();
    readDb.close();

    readDb = openReadDb('v1');
    expect(readDb.rebuilt).toBe(false);
    expect(tallies(readDb)).toEqual({ a: 100 });
    readDb.close();

    readDb = openReadDb('v1', true);
    expect(readDb.rebuilt).toBe(true);
    runner = tallyRunner(readDb);
    await runner.catchUp();
    expect(tallies(readDb)).toEqual({ a: 3 });
    await runner.stop();
    readDb.close();
  });

  it('lets the event loop turn between batches while catching up, so the app keeps answering', async () => {
    const readDb = openReadDb();
    const runner = tallyRunner(readDb, { maxBatchSize: 10 });
    const last = await appendTallies(store, 'a', 50);
    // What a request handled on the event loop during the catch-up would see of the runner.
    const seen: (string | undefined)[] = [];
    const progress: { to: string; events: number }[] = [];
    let observing = true;
    const observe = () => {
      const status = runner.status();
      seen.push(status.position);
      if (status.replay) progress.push(status.replay);
      if (observing) setImmediate(observe);
    };
    setImmediate(observe);
    try {
      await runner.catchUp();
      observing = false;
      expect(seen.some((position) => position !== undefined && position < last.position)).toBe(true);
      expect(tallies(readDb)).toEqual({ a: 50 });
      // An empty read DB is a replay to the head it found, with its progress shown on the way.
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.map((p) => [p.to, p.events < 50])).toEqual(progress.map(() => [last.position, true]));
      expect(progress.map((p) => p.events)).toContain(10);
      expect(runner.status().replay).toBeUndefined();
    } finally {
      observing = false;
      await runner.stop();
      readDb.close();
    }
  });

  it('publishes change notices only after commit, in order', async () => {
    const readDb = openReadDb();
    const runner = tallyRunner(readDb);
    const seen: { count: number; notice: ChangeNotice }[] = [];
    runner.changes.subscribe((notice) => seen.push({ count: tallies(readDb)[notice.recordId] ?? 0, notice }));
    const notices = firstValueFrom(runner.changes.pipe(take(3), toArray()));
    runner.start();
    await appendTallies(store, 'a', 3);
    const received = await notices;
    expect(received.map((n) => n.position)).toEqual([...received.map((n) => n.position)].sort());
    // When each notice arrived, the read DB already held the change it announces.
    expect(seen.every(({ count }) => count >= 1)).toBe(true);
    await runner.stop();
    readDb.close();
  });

  it('saves the checkpoint in the batch transaction: when saving it fails, the rows roll back with it', async () => {
    const readDb = openReadDb();
    const errors: string[] = [];
    const runner = tallyRunner(readDb, {
      logger: { ...silent, error: (message: string) => errors.push(message) },
      initialBackoffMs: 5,
      maxBackoffMs: 20,
    });
    // A fault on the checkpoint's write alone: everything before it in the batch has been applied.
    readDb.db.exec(`CREATE TRIGGER checkpoint_fails BEFORE INSERT ON projection_checkpoint
      BEGIN SELECT RAISE(ABORT, 'checkpoint write failed'); END`);
    const appended = await appendTallies(store, 'a', 3);
    runner.start();
    while (errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // The batch's rows went with the checkpoint: nothing is left that a restart would apply again.
    expect(tallies(readDb)).toEqual({});
    readDb.db.exec('DROP TRIGGER checkpoint_fails');
    await runner.waitForPosition(appended.position);
    await runner.stop();
    // Each event applied exactly once, across the failure and a restart from the checkpoint.
    expect(tallies(readDb)).toEqual({ a: 3 });
    const restarted = tallyRunner(readDb);
    restarted.start();
    await restarted.waitForPosition(appended.position);
    await restarted.stop();
    expect(tallies(readDb)).toEqual({ a: 3 });
    readDb.close();
  });

  it('rolls back a failing batch, reports it, and recovers from the checkpoint once the fault is gone', async () => {
    const readDb = openReadDb();
    const projection = new TallyProjection();
    const errors: string[] = [];
    const logger = { ...silent, error: (message: string) => errors.push(message) };
    const runner = new ProjectionRunner({
      store,
      readDb,
      projections: [projection],
      logger,
      initialBackoffMs: 5,
      maxBackoffMs: 20,
    });
    const poison = uuid();
    projection.failOn = poison;
    await appendTallies(store, 'a', 2);
    const bad = await store.append('a', [{ id: poison, type: 'Tallied', data: {} }]);
    runner.start();
    while (errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runner.status().failing).toBe(true);
    expect(tallies(readDb).a ?? 0).toBeLessThan(3);
    projection.failOn = undefined;
    await runner.waitForPosition(bad.position);
    expect(tallies(readDb)).toEqual({ a: 3 });
    expect(runner.status().failing).toBe(false);
    await runner.stop();
    readDb.close();
  });
});
