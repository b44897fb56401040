import { CREATION_EVENTS, type RecordKind } from '@tracker/domain';
import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';
import { ALL_COUNTRIES } from '../projections/country-facets.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import { checkCountries, checkKinds } from '../records/records.reader.js';

/** What a change did to its record, for a mirror to apply without knowing every event type. */
export type ChangeType =
  | 'CREATED'
  | 'CORRECTED'
  | 'RETRACTED'
  | 'REINSTATED'
  | 'RETRACTION_CORRECTED'
  | 'STATUS_CHANGED'
  | 'UPDATED';

/** One record change, in store order: the feed a mirror syncs from. */
export interface RecordChangeEntry {
  /** The event's store position: the feed's cursor. */
  readonly position: string;
  readonly recordId: string;
  readonly kind: RecordKind;
  readonly eventType: string;
  readonly change: ChangeType;
  /** ISO 8601, the store clock. */
  readonly recordedAt: string;
  readonly actor?: string;
  /** Why: a correction's or a retraction's reason. */
  readonly reason?: string;
  /** A correction's changed fields. */
  readonly changedFields?: readonly string[];
  /** The countries the record involves after the change, and those it left with it. */
  readonly countries: readonly string[];
  readonly countriesRemoved: readonly string[];
}

export interface ChangesFilter {
  /** A store position (a change's, or a mutation's): changes after it. */
  readonly after?: string | null;
  readonly countries?: readonly string[] | null;
  readonly kinds?: readonly RecordKind[] | null;
}

export interface ChangesPage {
  readonly changes: readonly RecordChangeEntry[];
  /** Where the next page starts: the position of the last change looked at, matching or not. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** The most changes one page may hold (NDJSON pages are larger than GraphQL's). */
export const MAX_CHANGES_PAGE = 1_000;
/**
 * The most history rows one page looks at: a filter that matches rarely answers a short (even empty) page
 * with a cursor further on, rather than scanning the whole history in one request.
 */
export const CHANGES_SCAN_LIMIT = 5_000;

const CREATION_TYPES: ReadonlySet<string> = new Set(Object.values(CREATION_EVENTS));
const POSITION = /^[0-9/]{1,64}$/;

interface HistoryRow {
  seq: number;
  id: string;
  kind: RecordKind;
  event_type: string;
  position: string;
  recorded_at: string;
  actor: string | null;
  data: string;
}

/**
 * Every record change in store order, from `record_history` (one row per record event), with the
 * countries each change left the record in, read from the versioned `country_records` rows at its `seq`.
 * A page reads at most CHANGES_SCAN_LIMIT history rows and one indexed lookup per row of a kind asked for.
 */
export class ChangesReader {
  constructor(private readonly readDb: ReadDatabase) {}

  changes(filter: ChangesFilter, first: number): ChangesPage {
    if (!Number.isSafeInteger(first) || first < 1 || first > MAX_CHANGES_PAGE) {
      throw new InvalidQueryArgumentError(
        'first',
        `first must be a whole number from 1 to ${MAX_CHANGES_PAGE}`,
      );
    }
    const after = filter.after ?? '';
    if (after !== '' && !POSITION.test(after)) {
      throw new InvalidQueryArgumentError(
        'after',
        'after must be a store position, as a change or a mutation gives it',
      );
    }
    const kinds = filter.kinds ? new Set(checkKinds(filter.kinds)) : undefined;
    const countries = filter.countries ? new Set(checkCountries(filter.countries, 'countries')) : undefined;
    const rows = this.readDb
      .prepare(
        `SELECT seq, id, kind, event_type, position, recorded_at, actor, data FROM record_history
         INDEXED BY record_history_by_position WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .all(after, CHANGES_SCAN_LIMIT + 1) as unknown as HistoryRow[];
    const changes: RecordChangeEntry[] = [];
    let endCursor: string | null = filter.after ?? null;
    let looked = 0;
    for (const row of rows.slice(0, CHANGES_SCAN_LIMIT)) {
      if (changes.length === first) break;
      looked += 1;
      endCursor = row.position;
      if (kinds && !kinds.has(row.kind)) continue;
      const entry = this.entryOf(row);
      const involved = [...entry.countries, ...entry.countriesRemoved];
      if (countries && !involved.some((code) => countries.has(code))) continue;
      changes.push(entry);
    }
    return { changes, endCursor, hasNextPage: rows.length > looked };
  }

  private entryOf(row: HistoryRow): RecordChangeEntry {
    const facets = this.readDb
      .prepare(
        `SELECT country, from_seq, to_seq FROM country_records INDEXED BY country_records_by_record
         WHERE record_id = ? AND country != ? AND from_seq <= ? AND (to_seq IS NULL OR to_seq >= ?)`,
      )
      .all(row.id, ALL_COUNTRIES, row.seq, row.seq) as {
      country: string;
      from_seq: number;
      to_seq: number | null;
    }[];
    const now = new Set(
      facets.filter((facet) => facet.to_seq === null || facet.to_seq > row.seq).map((f) => f.country),
    );
    const left = new Set(facets.filter((facet) => facet.to_seq === row.seq).map((facet) => facet.country));
    // A creation says no reason and no changed fields: its data (every field, sources and quotes) is not
    // parsed for nothing, on a page that may look at 5,000 rows.
    const data = (CREATION_TYPES.has(row.event_type) ? {} : JSON.parse(row.data)) as {
      reason?: string;
      changes?: Record<string, unknown>;
      reinstated?: boolean;
    };
    const change = changeTypeOf(row.event_type, data);
    return {
      position: row.position,
      recordId: row.id,
      kind: row.kind,
      eventType: row.event_type,
      change,
      recordedAt: row.recorded_at,
      ...(row.actor === null ? {} : { actor: row.actor }),
      ...(typeof data.reason === 'string' ? { reason: data.reason } : {}),
      ...(data.changes ? { changedFields: Object.keys(data.changes).sort() } : {}),
      countries: [...now].sort(),
      countriesRemoved: [...left].filter((code) => !now.has(code)).sort(),
    };
  }
}

function changeTypeOf(eventType: string, data: { reinstated?: boolean }): ChangeType {
  if (CREATION_TYPES.has(eventType)) return 'CREATED';
  switch (eventType) {
    case 'RecordCorrected':
      return 'CORRECTED';
    case 'RecordRetracted':
      return 'RETRACTED';
    case 'RetractionCorrected':
      return data.reinstated ? 'REINSTATED' : 'RETRACTION_CORRECTED';
    case 'ImplementationStatusSet':
      return 'STATUS_CHANGED';
    default:
      return 'UPDATED';
  }
}
