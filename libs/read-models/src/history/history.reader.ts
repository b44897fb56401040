import type { EventMetadata } from '@tracker/event-store';
import { ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { decodeCursor, pageSize, toConnection, type Connection, type PageRequest } from '../paging/page.js';
import type { ReadDatabase } from '../read-db/read-database.js';

/** One event of a record, as recorded: who, when, what, and where in the store. */
export interface HistoryEntry {
  readonly recordId: string;
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
    const { total } = this.readDb.db
      .prepare('SELECT COUNT(*) AS total FROM record_history WHERE id = ?')
      .get(id) as { total: number };
    if (total === 0) throw new ReadModelNotFoundError('record', recordId, `No record ${recordId}`);
    const after = page.after ? (decodeCursor(page.after, ['string'])[0] as string) : '';
    const rows = this.readDb.db
      .prepare(
        `SELECT id, position, revision, event_id, event_type, recorded_at, actor, metadata, data
         FROM record_history WHERE id = ? AND position > ? ORDER BY position LIMIT ?`,
      )
      .all(id, after, limit + 1) as unknown as HistoryRow[];
    return toConnection(rows.map(toEntry), limit, total, (entry) => [entry.position]);
  }
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    recordId: row.id,
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
