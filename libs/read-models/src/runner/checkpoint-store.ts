import type { Position } from '@tracker/event-store';
import type { DatabaseSync } from 'node:sqlite';

/** The runner's own table; part of the read DB's first migration. */
export const CHECKPOINT_TABLE_SQL = `
CREATE TABLE projection_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  position TEXT NOT NULL,
  updated_at TEXT NOT NULL
);`;

/** The position of the last event applied to the read DB; written in the same transaction as the changes. */
export class CheckpointStore {
  constructor(private readonly db: DatabaseSync) {}

  load(): Position | undefined {
    const row = this.db.prepare('SELECT position FROM projection_checkpoint WHERE id = 1').get() as
      { position: string } | undefined;
    return row?.position as Position | undefined;
  }

  save(position: Position): void {
    this.db
      .prepare(
        `INSERT INTO projection_checkpoint (id, position, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      )
      .run(position, new Date().toISOString());
  }
}
