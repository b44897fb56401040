import {
  canonicalEventBytes,
  canonicalEventBytesOfCanonicalTexts,
  leafHash,
  MerkleLog,
  type LogEntry,
} from '@tracker/integrity';
import type { DatabaseSync } from 'node:sqlite';
import { positionFromBigInts } from '../position.js';
import type { EventRow } from './sqlite-statements.js';

/** An event just inserted, as the log hashes it: its stored texts and place, before anyone parses them. */
export interface InsertedEvent {
  globalPosition: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
}

/**
 * The leaf of an event just appended: its data and metadata texts are canonical already (the validation
 * writes them so), so the canonical bytes are assembled around them.
 */
export function logEntryOfAppended(event: InsertedEvent): LogEntry {
  return {
    eventId: event.id,
    position: positionFromBigInts(event.globalPosition),
    leafHash: leafHash(
      canonicalEventBytesOfCanonicalTexts({
        id: event.id,
        stream: event.stream,
        revision: event.revision,
        type: event.type,
        dataText: event.data,
        metadataText: event.metadata,
        recordedAt: event.recordedAt,
      }),
    ),
  };
}

/** The leaf of an event as stored by any version of the store: its JSON parsed and canonicalised. */
export function logEntryOf(event: InsertedEvent): LogEntry {
  return {
    eventId: event.id,
    position: positionFromBigInts(event.globalPosition),
    leafHash: leafHash(
      canonicalEventBytes({
        id: event.id,
        stream: event.stream,
        revision: event.revision,
        type: event.type,
        data: JSON.parse(event.data),
        metadata: JSON.parse(event.metadata),
        recordedAt: event.recordedAt,
      }),
    ),
  };
}

/** Events per transaction while logging what a store held before it had a log. */
const BACKFILL_BATCH = 5_000;

/**
 * Brings the log up to the events table: a file written before the log existed (or by a process that
 * ran with the log off) gets its leaves, in store order, before anything is appended.
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
      log.append(
        rows.map((row) =>
          logEntryOf({
            globalPosition: row.global_position,
            stream: row.stream,
            revision: row.revision,
            id: row.id,
            type: row.type,
            data: row.data,
            metadata: row.metadata,
            recordedAt: row.recorded_at,
          }),
        ),
      );
      db.exec('COMMIT');
      if (rows.length < BACKFILL_BATCH) return;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      log.forget();
      throw error;
    }
  }
}
