import { SqliteEventStore, type Position } from '@tracker/event-store';
import { openReadModel, ProjectionRunner, readModelProjections } from '@tracker/read-models';
import { DatabaseSync } from 'node:sqlite';
import { measure, type Comparison } from './support/measure.js';
import { scaleDataset } from './scale/scale-dataset.js';
import { benchFile, SCALE_FOLDER } from './support/temp-dir.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * A rebuild of the read DB from the store (what a new instance or a projection change does): the real
 * runner and records projection on the scale dataset (every kind through its lifecycle: the domain's
 * evolve per event, state and history, per-country rows and tallies, checkpoint in the same transaction),
 * against the least a projection can do: read the same events and insert one row per event, in
 * transactions of the same size.
 */
export async function projectionRebuildBenchmarks(): Promise<Comparison[]> {
  const storePath = await scaleDataset(
    SCALE_FOLDER,
    Number(process.env.REBUILD_EVENTS ?? 20_000),
    console.log,
  );
  const store = SqliteEventStore.open({ path: storePath, synchronous: 'NORMAL' });
  const head = (await store.headPosition())!;
  let events = 0;
  for (let after: Position | undefined; ;) {
    const page = await store.readAll({ maxCount: 10_000, ...(after ? { after } : {}) });
    if (page.length === 0) break;
    events += page.length;
    after = page.at(-1)!.position;
  }

  const subject = await measure(
    'events projected by the runner + records projection',
    1,
    async () => {
      const readDb = openReadModel(benchFile('read.sqlite'));
      const runner = new ProjectionRunner({
        store,
        readDb,
        logger: silent,
        projections: readModelProjections(),
      });
      runner.start();
      await runner.waitForPosition(head, 3_600_000);
      await runner.stop();
      readDb.close();
    },
    3,
    events,
  );

  const baseline = await measure(
    'events read + one INSERT each',
    1,
    async () => {
      const db = new DatabaseSync(benchFile('plain.sqlite'));
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
      db.exec('CREATE TABLE events (position TEXT PRIMARY KEY, stream TEXT, type TEXT, data TEXT)');
      const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?)');
      let after: Position | undefined;
      for (;;) {
        const page = await store.readAll({ maxCount: 500, ...(after ? { after } : {}) });
        if (page.length === 0) break;
        db.exec('BEGIN');
        for (const event of page)
          insert.run(event.position, event.stream, event.type, JSON.stringify(event.data));
        db.exec('COMMIT');
        after = page.at(-1)!.position;
      }
      db.close();
    },
    3,
    events,
  );
  await store.close();
  return [{ benchmark: `rebuild the read DB from ${events} events`, subject, baseline }];
}
