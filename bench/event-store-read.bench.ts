import { SqliteEventStore } from '@tracker/event-store';
import { DatabaseSync } from 'node:sqlite';
import { v7 as uuid } from 'uuid';
import { measure, type Comparison } from './support/measure.js';
import { benchFile } from './support/temp-dir.js';

const EVENTS = 20_000;

/**
 * Catch-up reading of $all through a subscription (what a projection runner does at a rebuild) against a
 * plain SELECT of the same rows with JSON parsing: the ratio is the cost of the port's shape (bigint
 * revisions, Dates, batching, the async iterator).
 */
export async function eventStoreReadBenchmarks(): Promise<Comparison[]> {
  const path = benchFile('events.sqlite');
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  for (let batch = 0; batch < EVENTS / 500; batch++) {
    await store.append(
      `record-${batch}`,
      Array.from({ length: 500 }, (_, i) => ({
        id: uuid(),
        type: 'Bench',
        data: { batch, i, text: 'x'.repeat(200) },
      })),
    );
  }

  const subject = await measure(
    'events through a catch-up subscription',
    1,
    async () => {
      const subscription = store.subscribeToAll();
      let seen = 0;
      for await (const event of subscription) {
        void event;
        if (++seen === EVENTS) break;
      }
    },
    3,
    EVENTS,
  );
  await store.close();

  const db = new DatabaseSync(path, { readOnly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  const table = tables.map((t) => t.name).find((name) => /event/.test(name)) ?? 'events';
  const baseline = await measure(
    'rows by SELECT * + JSON.parse',
    1,
    () => {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<
        Record<string, unknown>
      >) {
        if (typeof row.data === 'string') JSON.parse(row.data);
      }
    },
    3,
    EVENTS,
  );
  db.close();
  return [{ benchmark: `read all ${EVENTS} events`, subject, baseline }];
}
