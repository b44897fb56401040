import { recordStreamName } from '@tracker/domain';
import type { EventMetadata } from '@tracker/event-store';
import { ReadModelNotFoundError } from '../errors/read-model-errors.js';
import {
  decodeCursor,
  mapConnection,
  pageSize,
  toConnection,
  type Connection,
  type PageRequest,
} from '../paging/page.js';
import type { ReadDatabase } from '../read-db/read-database.js';

/** One event of a record, as recorded: who, when, what, and where in the store. */
export interface HistoryEntry {
  readonly recordId: string;
  /** The record's stream in the event store. */
  readonly stream: string;
  readonly position: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  /** ISO 8601, the store clock. */
  readonly recordedAt: string;
  readonly actor?: string;
  readonly metadata: EventMetadata;
  readonly data: unknown;
}

interface HistoryRow {
  seq: number;
  id: string;
  position: string;
  revision: number;
  event_id: string;
  event_type: string;
  recorded_at: string;
  actor: string | null;
  metadata: string;
  data: string;
}

/** Every event of a record, oldest first: who recorded or changed it, when, and citing what. */
export class HistoryReader {
  constructor(private readonly readDb: ReadDatabase) {}

  history(recordId: string, page: PageRequest): Connection<HistoryEntry> {
    const id = recordId.toLowerCase();
    const limit = pageSize(page);
    // Revisions count a record's events from 0: its latest revision says how many it has.
    const latest = this.readDb.prepare('SELECT revision FROM records WHERE id = ?').get(id) as
      { revision: number } | undefined;
    const total = latest === undefined ? 0 : latest.revision + 1;
    if (total === 0) throw new ReadModelNotFoundError('record', recordId, `No record ${recordId}`);
    const after = page.after ? (decodeCursor(page.after, ['number'])[0] as number) : 0;
    const rows = this.readDb
      .prepare(
        `SELECT seq, id, position, revision, event_id, event_type, recorded_at, actor, metadata, data
         FROM record_history INDEXED BY record_history_by_record WHERE id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(id, after, limit + 1) as unknown as HistoryRow[];
    const entries = rows.map((row) => ({ seq: row.seq, entry: toEntry(row) }));
    return mapConnection(
      toConnection(entries, limit, total, ({ seq }) => [seq]),
      ({ entry }) => entry,
    );
  }

  /** The record event with this id; undefined when no record holds one (other streams' events included). */
  findEvent(eventId: string): RecordedEventPlace | undefined {
    const row = this.readDb
      .prepare(
        'SELECT id, position FROM record_history INDEXED BY record_history_by_event WHERE event_id = ? LIMIT 1',
      )
      .get(eventId.toLowerCase()) as { id: string; position: string } | undefined;
    return row && { recordId: row.id, position: row.position };
  }
}

/** Where a record's event sits: which record, and its store position. */
export interface RecordedEventPlace {
  readonly recordId: string;
  readonly position: string;
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    recordId: row.id,
    stream: recordStreamName(row.id),
    position: row.position,
    revision: row.revision,
    eventId: row.event_id,
    type: row.event_type,
    recordedAt: row.recorded_at,
    actor: row.actor ?? undefined,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    data: JSON.parse(row.data) as unknown,
  };
}
