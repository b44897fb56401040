import {
  canonicalEventBytesOfCanonicalTexts,
  leafHash,
  logEntryOf,
  MerkleLog,
  type LogEntry,
} from '@tracker/integrity';
import type { DatabaseSync } from 'node:sqlite';
import { positionFromBigInts } from '../position.js';
import { toRecordedEvent, type EventRow } from './sqlite-statements.js';

/**
 * The leaf of an event just appended: its data and metadata texts are canonical already (the validation
 * writes them so), so the canonical bytes are assembled around them, with no parse.
 */
export function logEntryOfAppended(row: EventRow): LogEntry {
  return {
    eventId: row.id,
    position: positionFromBigInts(row.global_position),
    leafHash: leafHash(
      canonicalEventBytesOfCanonicalTexts({
        id: row.id,
        stream: row.stream,
        revision: row.revision,
        type: row.type,
        dataText: row.data,
        metadataText: row.metadata,
        recordedAt: row.recorded_at,
      }),
    ),
  };
}

/** Events per transaction while logging what a store held before it had a log. */
const BACKFILL_BATCH = 5_000;

/**
 * Brings the log up to the events table: a file written before the log existed (or by a process that
 * ran with the log off) gets its leaves, in store order, before anything is appended. Older texts may not
 * be canonical, so these events are read back and canonicalised as any reader would.
 */
export function backfillLog(db: DatabaseSync, log: MerkleLog): void {
  const after = db.prepare(
    `SELECT global_position, stream, revision, id, type, data, metadata, recorded_at
     FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
  );
  after.setReadBigInts(true);
  for (;;) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const last = log.lastPosition();
      const rows = after.all(last === undefined ? 0n : BigInt(last), BACKFILL_BATCH) as unknown as EventRow[];
      log.append(rows.map((row) => logEntryOf(toRecordedEvent(row))));
      db.exec('COMMIT');
      if (rows.length < BACKFILL_BATCH) return;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      log.forget();
      throw error;
    }
  }
}
