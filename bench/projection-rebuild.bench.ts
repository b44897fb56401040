import { SqliteEventStore, type Position } from '@tracker/event-store';
import { openReadModel, ProjectionRunner, readModelProjections } from '@tracker/read-models';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { measure, type Comparison } from './support/measure.js';
import { scaleDataset } from './scale/scale-dataset.js';
import { benchFile, SCALE_FOLDER } from './support/temp-dir.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * A rebuild of the read DB from the store (what a new instance or a projection change does): the real
 * runner and records projection on the scale dataset (every kind through its lifecycle: the domain's
 * evolve per event, state and history, per-country rows and tallies, checkpoint in the same transaction),
 * against the least a projection can do: read the same events and insert one row per event, in
 * transactions of the same size. A second baseline says how much of the time is the read model's own
 * size: writing the very rows a rebuild made (already made, no projection work), in transactions of the
 * replay's size, then building its indexes and folding the WAL in, as the end of a replay does.
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

  let rebuilt = '';
  const subject = await measure(
    'events projected by the runner + records projection',
    1,
    async () => {
      rebuilt = benchFile('read.sqlite');
      const readDb = openReadModel(rebuilt);
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

  const rows = readModelRows(rebuilt);
  const floor = await measure(
    "the read DB's rows written, already made, then indexed",
    1,
    () => writeRows(rows, benchFile('rows.sqlite')),
    3,
    events,
  );
  return [
    { benchmark: `rebuild the read DB from ${events} events`, subject, baseline },
    { benchmark: `rebuild against writing its rows alone (${rows.count} rows)`, subject, baseline: floor },
  ];
}

interface ReadModelRows {
  schema: string[];
  tables: { name: string; columns: string[]; rows: Record<string, SQLInputValue>[] }[];
  count: number;
}

/** Every row of a rebuilt read DB's tables, and the statements that make those tables and their indexes. */
function readModelRows(path: string): ReadModelRows {
  const db = new DatabaseSync(path, { readOnly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const schema = (
    db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC').all() as {
      sql: string;
    }[]
  ).map((row) => row.sql);
  const tables = names.map((name) => {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, SQLInputValue>[];
    return { name, columns: rows[0] ? Object.keys(rows[0]) : [], rows };
  });
  db.close();
  return { schema, tables, count: tables.reduce((sum, table) => sum + table.rows.length, 0) };
}

/** The rows inserted in transactions of the replay's size, then the indexes built and the WAL folded in. */
function writeRows({ schema, tables }: ReadModelRows, path: string): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec('PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 100000;');
  const [tablesSql, indexesSql] = [
    schema.filter((sql) => /^CREATE TABLE/i.test(sql)),
    schema.filter((sql) => /^CREATE INDEX/i.test(sql)),
  ];
  for (const sql of tablesSql) db.exec(sql);
  for (const { name, columns, rows } of tables) {
    if (rows.length === 0) continue;
    const insert = db.prepare(
      `INSERT INTO "${name}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (let start = 0; start < rows.length; start += 2_000) {
      db.exec('BEGIN');
      for (const row of rows.slice(start, start + 2_000))
        insert.run(...columns.map((column) => row[column]!));
      db.exec('COMMIT');
    }
  }
  for (const sql of indexesSql) db.exec(sql);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
}
