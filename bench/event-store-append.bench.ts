import { SqliteEventStore } from '@tracker/event-store';
import { DatabaseSync } from 'node:sqlite';
import { v7 as uuid } from 'uuid';
import { measure, type Comparison } from './support/measure.js';
import { benchFile } from './support/temp-dir.js';

const DATA = { text: 'Cambodia has shut down 18,000 websites', count: 18000, countries: ['KH'] };

/**
 * The adapter's append against the least a durable append must do: one INSERT in its own transaction
 * on the same SQLite settings. The ratio is the adapter's overhead (validation, revision check,
 * idempotency look-up, wake-ups).
 */
export async function eventStoreAppendBenchmarks(): Promise<Comparison[]> {
  const results: Comparison[] = [];
  for (const synchronous of ['NORMAL', 'FULL'] as const) {
    const count = synchronous === 'FULL' ? 200 : 2000;
    const store = SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous });
    const revisions = new Map<number, bigint>();
    const subject = await measure(`SqliteEventStore.append`, count, async (i) => {
      const stream = `record-${i % 100}`;
      const result = await store.append(stream, [{ id: uuid(), type: 'Bench', data: DATA }], {
        expectedRevision: revisions.get(i % 100) ?? 'no_stream',
      });
      revisions.set(i % 100, result.nextRevision);
    });
    await store.close();

    const raw = rawTable(synchronous);
    const baseline = await measure('raw INSERT + COMMIT', count, (i) => {
      raw.db.exec('BEGIN IMMEDIATE');
      raw.insert.run(
        uuid(),
        `record-${i % 100}`,
        i,
        'Bench',
        JSON.stringify(DATA),
        '{}',
        new Date().toISOString(),
      );
      raw.db.exec('COMMIT');
    });
    raw.db.close();
    results.push({ benchmark: `append 1 event, synchronous=${synchronous}`, subject, baseline });
  }

  const store = SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous: 'NORMAL' });
  const subject = await measure('SqliteEventStore.append ×100', 100, (i) =>
    store.append(
      `batch-${i}`,
      Array.from({ length: 100 }, () => ({ id: uuid(), type: 'Bench', data: DATA })),
      { expectedRevision: 'no_stream' },
    ),
  );
  await store.close();
  const raw = rawTable('NORMAL');
  const baseline = await measure('raw 100 INSERTs + COMMIT', 100, (i) => {
    raw.db.exec('BEGIN IMMEDIATE');
    for (let n = 0; n < 100; n++) {
      raw.insert.run(uuid(), `batch-${i}`, n, 'Bench', JSON.stringify(DATA), '{}', new Date().toISOString());
    }
    raw.db.exec('COMMIT');
  });
  raw.db.close();
  results.push({ benchmark: 'append 100 events atomically, synchronous=NORMAL', subject, baseline });
  return results;
}

function rawTable(synchronous: 'NORMAL' | 'FULL') {
  const db = new DatabaseSync(benchFile('raw.sqlite'));
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous};`);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, stream TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision))`);
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return { db, insert };
}
