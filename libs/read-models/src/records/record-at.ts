import {
  decodeRecordEvent,
  recordsDecider,
  type AnyRecordState,
  type RecordEvent,
  type RecordKind,
  type RecordState,
} from '@tracker/domain';
import type { ReadDatabase } from '../read-db/read-database.js';
import { stateColumns, type AnyLive, type RecordRow } from './record-columns.js';

interface HistoryRow {
  seq: number;
  kind: RecordKind;
  event_type: string;
  data: string;
  metadata: string;
  position: string;
  revision: number;
  recorded_at: string;
  actor: string | null;
  created_at: string;
  created_by: string | null;
  state: string | null;
}

/**
 * A record as it stood at `seq`: its latest history row up to `seq` says where and who; its state is the
 * nearest snapshot up to there (one every HISTORY_SNAPSHOT_EVERY events of the record) with the events
 * since folded in by the domain's own `evolve`. Reads at most that many rows, whatever the tracker holds.
 */
export function recordAt(readDb: ReadDatabase, id: string, seq: number): RecordRow | undefined {
  const rows = readDb
    .prepare(
      `SELECT seq, kind, event_type, data, metadata, position, revision, recorded_at, actor, created_at, created_by, state
       FROM record_history INDEXED BY record_history_by_record
       WHERE id = ? AND seq <= ? AND seq >= COALESCE(
         (SELECT s.seq FROM record_history s INDEXED BY record_history_by_record
          WHERE s.id = ? AND s.seq <= ? AND s.state IS NOT NULL ORDER BY s.seq DESC LIMIT 1), 0)
       ORDER BY seq`,
    )
    .all(id, seq, id, seq) as unknown as HistoryRow[];
  const latest = rows.at(-1);
  if (latest === undefined) return undefined;
  const [first, ...rest] = rows;
  let state: AnyRecordState =
    first!.state === null
      ? recordsDecider.evolve(recordsDecider.initialState(), eventOf(first!))
      : ({ kind: first!.kind, state: JSON.parse(first!.state) } as AnyRecordState);
  for (const row of rest) state = recordsDecider.evolve(state, eventOf(row));
  if (state.kind === undefined) return undefined;
  return {
    id,
    ...stateColumns(latest.kind, (state as { state: RecordState<AnyLive> }).state),
    created_at: latest.created_at,
    created_by: latest.created_by,
    updated_at: latest.recorded_at,
    updated_by: latest.actor,
    position: latest.position,
    revision: latest.revision,
  };
}

function eventOf(row: HistoryRow): RecordEvent {
  return decodeRecordEvent({
    type: row.event_type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  });
}
