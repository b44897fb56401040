import type { RecordCommand } from '@tracker/domain';
import { SqliteEventStore, type Position } from '@tracker/event-store';
import { openReadModel, ProjectionRunner, readModelProjections } from '@tracker/read-models';
import { RecordCommandExecutor, readDemoDataset } from '@tracker/tracking';
import { DatabaseSync } from 'node:sqlite';
import { v7 as uuid } from 'uuid';
import { measure, type Comparison } from './support/measure.js';
import { benchFile } from './support/temp-dir.js';

const RECORDS = 2_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * A rebuild of the read DB from the store (what a new instance or a projection change does): the real
 * runner and records projection (the domain's evolve per event, state, history and link rows, checkpoint
 * in the same transaction), against the least a projection can do: read the same events and insert one
 * row per event, in transactions of the same size. The ratio is the cost of the read model's richness.
 */
export async function projectionRebuildBenchmarks(): Promise<Comparison[]> {
  const dataset = readDemoDataset();
  const figure = dataset.commands.find((c) => c.type === 'ReportFigure') as RecordCommand;
  const storePath = benchFile('events.sqlite');
  const store = SqliteEventStore.open({ path: storePath, synchronous: 'NORMAL' });
  const executor = new RecordCommandExecutor({ store });
  let head: Position | undefined;
  for (let i = 0; i < RECORDS; i++) {
    const recordId = uuid();
    await executor.execute({ ...figure, recordId } as RecordCommand, { actor: 'bench' });
    const corrected = await executor.execute(
      { type: 'CorrectRecord', recordId, changes: { value: i }, reason: 'bench' } as unknown as RecordCommand,
      { actor: 'bench' },
    );
    head = corrected.position;
  }
  const events = (await store.headPosition()) === head ? RECORDS * 2 : 0;

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
      await runner.waitForPosition(head!, 600_000);
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
