import {
  allegationStatus,
  derivedImplementation,
  isIsoDay,
  RECORD_KINDS,
  supportingEvidence,
  type RecordKind,
  type RecordState,
} from '@tracker/domain';
import { InvalidQueryArgumentError, ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { checkCountryCode } from '../countries/country-code.js';
import { ALL_COUNTRIES, STAT_INDEX, type StatColumn } from '../projections/country-facets.js';
import { mapConnection, type Connection, type PageRequest } from '../paging/page.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import { liveOf, RECORD_COLUMN_NAMES, type AnyLive, type RecordRow } from './record-columns.js';
import { recordAt } from './record-at.js';
import { countIds, pageIds, type ListWalk } from './record-lists.js';
import type { AnyRecordView } from './record-view.js';
import { snapshotAt, type Snapshot } from './snapshot.js';
import { sql, type Sql } from './sql.js';
import { StatsReader } from '../countries/stats.reader.js';

/** The most countries one filter may name: every list walks each one, so the list is bounded. */
export const MAX_FILTER_COUNTRIES = 50;

/** Which records: all of them unless narrowed. Countries match in any role. */
export interface RecordFilter {
  readonly kinds?: readonly RecordKind[] | null;
  readonly countries?: readonly string[] | null;
  /** Records whose occurrence overlaps [from, to] (days, inclusive). */
  readonly from?: string | null;
  readonly to?: string | null;
  /** true: only retracted records; false: only standing ones; absent: both. */
  readonly retracted?: boolean | null;
  /** Records that name one of these actors (ActorsReader answers lists with it). */
  readonly actors?: readonly string[] | null;
}

const COLUMNS = ['id', ...RECORD_COLUMN_NAMES].join(', ');

/**
 * Records as views, one at a time or a page at a time, now or as of a recording time. Pages walk the
 * per-country lists (`country_records`, see record-lists.ts); a record's content is then read by id:
 * its `records` row now, its history up to the snapshot as of a past time (record-at.ts).
 */
export class RecordsReader {
  readonly stats: StatsReader;

  constructor(
    private readonly readDb: ReadDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.stats = new StatsReader(readDb);
  }

  /** The snapshot for `asOf` (now when absent), with the reader's clock for "today". */
  at(asOf?: Date | string | null): Snapshot {
    const snapshot = snapshotAt(asOf, this.clock);
    if (snapshot.asOf === undefined) return snapshot;
    const row = this.readDb
      .prepare(
        `SELECT seq, max_occurred FROM record_history INDEXED BY record_history_by_time
         WHERE known_at <= ? ORDER BY known_at DESC, seq DESC LIMIT 1`,
      )
      .get(snapshot.asOf) as { seq: number; max_occurred: string } | undefined;
    return { ...snapshot, seq: row?.seq ?? 0, bound: row?.max_occurred ?? '' };
  }

  find(id: string, at: Snapshot): AnyRecordView | undefined {
    return this.findMany([id], at).get(id.toLowerCase());
  }

  get(id: string, at: Snapshot): AnyRecordView {
    const view = this.find(id, at);
    if (view === undefined) {
      const when = at.asOf === undefined ? '' : ` as of ${at.asOf}`;
      throw new ReadModelNotFoundError('record', id, `No record ${id}${when}`);
    }
    return view;
  }

  /**
   * The records with these ids (those that exist at the snapshot), by id: indexed reads by id only. A
   * commitment's automatic LIMITED is as its supporting records stand at the same snapshot
   * (derivedImplementation), and an allegation's status as its linked records stand: one more read per
   * supporting or linked record.
   */
  findMany(ids: readonly string[], at: Snapshot): Map<string, AnyRecordView> {
    const views = this.findStored(ids, at);
    const supporting = new Set<string>();
    for (const view of views.values()) {
      if (view.kind === 'COMMITMENT') for (const id of supportingEvidence(view.live)) supporting.add(id);
      // An allegation's status rests on its links the same way: a retracted record no longer counts.
      if (view.kind === 'ALLEGATION') for (const link of view.live.evidence) supporting.add(link.evidenceId);
    }
    if (supporting.size === 0) return views;
    const evidence = this.findStored(
      [...supporting].filter((id) => !views.has(id)),
      at,
    );
    const standing = (id: string) => {
      const view = views.get(id) ?? evidence.get(id);
      return view !== undefined && !view.retracted;
    };
    for (const [id, view] of views) {
      if (view.kind === 'ALLEGATION') {
        const relations = view.live.evidence
          .filter((link) => standing(link.evidenceId))
          .map((l) => l.relation);
        const status = allegationStatus(relations);
        if (status !== view.live.status)
          views.set(id, { ...view, live: { ...view.live, status } } as AnyRecordView);
        continue;
      }
      if (view.kind !== 'COMMITMENT') continue;
      const implementation = derivedImplementation(view.live, standing);
      if (implementation !== view.live.implementation) {
        views.set(id, { ...view, live: { ...view.live, implementation } } as AnyRecordView);
      }
    }
    return views;
  }

  /** The records as stored, by id. */
  private findStored(ids: readonly string[], at: Snapshot): Map<string, AnyRecordView> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    const views = new Map<string, AnyRecordView>();
    if (wanted.length === 0) return views;
    if (at.seq === undefined) {
      const rows = this.readDb
        .prepare(`SELECT ${COLUMNS} FROM records WHERE id IN (${wanted.map(() => '?').join(', ')})`)
        .all(...wanted) as unknown as RecordRow[];
      for (const row of rows) views.set(row.id, this.viewOf(row, at));
      return views;
    }
    for (const id of wanted) {
      const row = this.readDb.remember(`record-at\u0000${id}\u0000${at.seq}`, () =>
        recordAt(this.readDb, id, at.seq!),
      );
      if (row !== undefined) views.set(id, this.viewOf(row, at));
    }
    return views;
  }

  /** A row's view, parsed once per commit and snapshot (views are shared: never mutate them). */
  private viewOf(row: RecordRow, at: Snapshot): AnyRecordView {
    return this.readDb.remember(
      `view\u0000${row.id}\u0000${row.position}\u0000${at.asOf}\u0000${at.today}`,
      () => toView(row, at),
    );
  }

  /** The views of a page of ids, in the page's order. */
  viewsOf(ids: Connection<string>, at: Snapshot): Connection<AnyRecordView> {
    const views = this.findMany(
      ids.edges.map((edge) => edge.node),
      at,
    );
    // Every listed id has a record row (the projection writes both in one transaction).
    return mapConnection(ids, (id) => views.get(id)!);
  }

  /** A page of records from list walks (record-lists.ts), with their views. */
  page(
    walks: readonly ListWalk[],
    residual: readonly Sql[],
    page: PageRequest,
    at: Snapshot,
    total?: () => number,
  ): Connection<AnyRecordView> {
    const count = total ?? (() => countIds(this.readDb, walks, residual, at));
    return this.viewsOf(pageIds(this.readDb, walks, residual, page, at, count), at);
  }

  list(filter: RecordFilter, page: PageRequest, at: Snapshot): Connection<AnyRecordView> {
    const countries = filter.countries ? checkCountries(filter.countries, 'countries') : [ALL_COUNTRIES];
    return this.listIn(countries, filter, page, at);
  }

  /** Records involving any of `countries` (or `*`, every record), newest first. */
  listIn(
    countries: readonly string[],
    filter: Omit<RecordFilter, 'countries'>,
    page: PageRequest,
    at: Snapshot,
  ): Connection<AnyRecordView> {
    const kinds = filter.kinds ? checkKinds(filter.kinds) : undefined;
    const walks = countries.flatMap((country) => recordWalks(country, kinds));
    const residual = [...occurredWithin(filter.from, filter.to)];
    if (filter.retracted !== undefined && filter.retracted !== null) {
      residual.push(sql('c.retracted = ?', filter.retracted ? 1 : 0));
    }
    // A total the tallies already hold: one country (or all), narrowed by kinds at most.
    const total =
      countries.length === 1 && residual.length === 0
        ? () => {
            const stats = this.stats.statsAt(countries[0]!, at);
            if (!kinds) return stats[STAT_INDEX.records]!;
            return kinds.reduce(
              (sum, kind) => sum + stats[STAT_INDEX[`records_${kind.toLowerCase()}` as StatColumn]]!,
              0,
            );
          }
        : undefined;
    return this.page(walks, residual, page, at, total);
  }
}

/** The walks over one country's records, of the given kinds (one walk per kind) or of every kind. */
export function recordWalks(country: string, kinds: readonly string[] | undefined): ListWalk[] {
  if (kinds === undefined) return [{ index: 'country_records_newest', where: sql('c.country = ?', country) }];
  return [...new Set(kinds)].map((kind) => ({
    index: 'country_records_by_kind' as const,
    where: sql('c.country = ? AND c.kind = ?', country, kind),
  }));
}

/** Valid, distinct country codes, at most MAX_FILTER_COUNTRIES of them; BAD_USER_INPUT otherwise. */
export function checkCountries(codes: readonly string[], argument: string): string[] {
  if (codes.length > MAX_FILTER_COUNTRIES) {
    throw new InvalidQueryArgumentError(
      argument,
      `${argument} may name at most ${MAX_FILTER_COUNTRIES} countries, not ${codes.length}`,
    );
  }
  return [...new Set(codes.map((code) => checkCountryCode(code, argument)))];
}

/** Records whose occurrence overlaps [from, to]: a "2025" record is within "from 2025-03-01". */
export function occurredWithin(from: string | null | undefined, to: string | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (from !== undefined && from !== null) where.push(sql('c.occurred_end >= ?', checkDay(from, 'from')));
  if (to !== undefined && to !== null) where.push(sql('c.occurred_start <= ?', checkDay(to, 'to')));
  if (from && to && from > to)
    throw new InvalidQueryArgumentError('to', `to (${to}) is before from (${from})`);
  return where;
}

function checkDay(value: string, argument: string): string {
  if (!isIsoDay(value))
    throw new InvalidQueryArgumentError(argument, `${argument} must be a day written YYYY-MM-DD`);
  return value;
}

export function checkKinds(kinds: readonly string[]): string[] {
  for (const kind of kinds) {
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidQueryArgumentError('kinds', `${kind} is not a record kind`);
    }
  }
  return [...new Set(kinds)];
}

export function toView(row: RecordRow, at: Snapshot): AnyRecordView {
  const state = JSON.parse(row.state) as RecordState<AnyLive>;
  return {
    id: row.id,
    kind: row.kind,
    state,
    live: liveOf(state),
    retracted: row.retracted === 1,
    retractionReason: row.retraction_reason ?? undefined,
    countries: JSON.parse(row.countries),
    occurredStart: row.occurred_start,
    occurredEnd: row.occurred_end,
    recordedAt: row.created_at,
    recordedBy: row.created_by ?? undefined,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by ?? undefined,
    position: row.position,
    revision: row.revision,
    asOf: at.asOf,
    today: at.today,
  } as AnyRecordView;
}
