import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { RecordedEvent } from '../event.js';
import { positionFromBigInts } from '../position.js';

const EVENT_COLUMNS = 'global_position, stream, revision, id, type, data, metadata, recorded_at';

/** SQLite's largest integer: "no upper bound" for revision ranges. */
export const MAX_SQLITE_INTEGER = 2n ** 63n - 1n;

/** A row of `events` as node:sqlite returns it with bigint reads on. */
export interface EventRow {
  global_position: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Every statement the store runs, prepared once per connection. */
export interface SqliteStatements {
  currentRevision: StatementSync;
  findIdsInStream: StatementSync;
  insertEvent: StatementSync;
  readStreamForwards: StatementSync;
  readStreamBackwards: StatementSync;
  readAllAfter: StatementSync;
  headPosition: StatementSync;
}

export function prepareStatements(db: DatabaseSync): SqliteStatements {
  const statements: SqliteStatements = {
    currentRevision: db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream = ?'),
    // One statement for any number of ids: they are passed as a JSON array.
    findIdsInStream: db.prepare(
      'SELECT id, revision, global_position FROM events WHERE stream = ? AND id IN (SELECT value FROM json_each(?))',
    ),
    insertEvent: db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
        'RETURNING global_position',
    ),
    readStreamForwards: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    readStreamBackwards: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAllAfter: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
    ),
    headPosition: db.prepare('SELECT MAX(global_position) AS position FROM events'),
  };
  // Revisions and positions are 64-bit; reading them as numbers would round past 2^53.
  for (const statement of Object.values(statements)) statement.setReadBigInts(true);
  return statements;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: positionFromBigInts(row.global_position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: new Date(row.recorded_at),
  };
}
