import { isIsoDay, RECORD_KINDS, type RecordKind, type RecordState } from '@tracker/domain';
import { InvalidQueryArgumentError, ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { decodeCursor, pageSize, toConnection, type Connection, type PageRequest } from '../paging/page.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import { liveOf, type AnyLive, type RecordRow } from './record-columns.js';
import { involvesCountry, recordsRelation } from './record-source.js';
import type { AnyRecordView } from './record-view.js';
import { snapshotAt, type Snapshot } from './snapshot.js';
import { and, inList, sql, type Sql } from './sql.js';

/** Which records: all of them unless narrowed. Countries match in any role. */
export interface RecordFilter {
  readonly kinds?: readonly RecordKind[] | null;
  readonly countries?: readonly string[] | null;
  /** Records whose occurrence overlaps [from, to] (days, inclusive). */
  readonly from?: string | null;
  readonly to?: string | null;
  /** true: only retracted records; false: only standing ones; absent: both. */
  readonly retracted?: boolean | null;
}

/**
 * Records as views, one at a time or a page at a time, now or as of a recording time. The other
 * readers build on it: they add conditions on `r` (see record-source.ts) and page newest first.
 */
export class RecordsReader {
  constructor(
    private readonly readDb: ReadDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The snapshot for `asOf` (now when absent), with the reader's clock for "today". */
  at(asOf?: Date | string | null): Snapshot {
    return snapshotAt(asOf, this.clock);
  }

  find(id: string, at: Snapshot): AnyRecordView | undefined {
    return this.all([sql('r.id = ?', id.toLowerCase())], at)[0];
  }

  get(id: string, at: Snapshot): AnyRecordView {
    const view = this.find(id, at);
    if (view === undefined) {
      const when = at.asOf === undefined ? '' : ` as of ${at.asOf}`;
      throw new ReadModelNotFoundError('record', id, `No record ${id}${when}`);
    }
    return view;
  }

  findMany(ids: readonly string[], at: Snapshot): Map<string, AnyRecordView> {
    const views = this.all([inList('r.id', [...new Set(ids.map((id) => id.toLowerCase()))])], at);
    return new Map(views.map((view) => [view.id, view]));
  }

  /** Every record matching `where`, newest first (for tallies: no paging). */
  all(where: readonly Sql[], at: Snapshot): AnyRecordView[] {
    const relation = recordsRelation(at);
    const condition = and(where);
    const rows = this.readDb.db
      .prepare(
        `SELECT r.* FROM ${relation.text} WHERE ${condition.text} ORDER BY r.occurred_start DESC, r.id DESC`,
      )
      .all(...relation.params, ...condition.params) as unknown as RecordRow[];
    return rows.map((row) => toView(row, at));
  }

  /** One page of the records matching `where`, newest first by occurrence (then by id). */
  newestFirst(where: readonly Sql[], page: PageRequest, at: Snapshot): Connection<AnyRecordView> {
    const limit = pageSize(page);
    const relation = recordsRelation(at);
    const condition = and(where);
    const after = page.after
      ? (() => {
          const [day, id] = decodeCursor(page.after, ['string', 'string']);
          return sql('r.occurred_start < ? OR (r.occurred_start = ? AND r.id < ?)', day!, day!, id!);
        })()
      : sql('1');
    const rows = this.readDb.db
      .prepare(
        `SELECT r.* FROM ${relation.text} WHERE (${condition.text}) AND (${after.text})
         ORDER BY r.occurred_start DESC, r.id DESC LIMIT ?`,
      )
      .all(...relation.params, ...condition.params, ...after.params, limit + 1) as unknown as RecordRow[];
    const { total } = this.readDb.db
      .prepare(`SELECT COUNT(*) AS total FROM ${relation.text} WHERE ${condition.text}`)
      .get(...relation.params, ...condition.params) as { total: number };
    return toConnection(
      rows.map((row) => toView(row, at)),
      limit,
      total,
      (view) => [view.occurredStart, view.id],
    );
  }

  list(filter: RecordFilter, page: PageRequest, at: Snapshot): Connection<AnyRecordView> {
    return this.newestFirst(recordFilterSql(filter, at), page, at);
  }
}

export function recordFilterSql(filter: RecordFilter, at: Snapshot): Sql[] {
  const where: Sql[] = [];
  if (filter.kinds) where.push(inList('r.kind', checkKinds(filter.kinds)));
  if (filter.countries) {
    const codes = filter.countries.map((code) => code.trim().toUpperCase());
    where.push({
      text:
        codes.length === 0 ? '0' : codes.map((code) => `(${involvesCountry(code, at).text})`).join(' OR '),
      params: codes.flatMap((code) => involvesCountry(code, at).params),
    });
  }
  where.push(...occurredWithin(filter.from, filter.to));
  if (filter.retracted !== undefined && filter.retracted !== null) {
    where.push(sql('r.retracted = ?', filter.retracted ? 1 : 0));
  }
  return where;
}

/** Records whose occurrence overlaps [from, to]: a "2025" record is within "from 2025-03-01". */
export function occurredWithin(from: string | null | undefined, to: string | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (from !== undefined && from !== null) where.push(sql('r.occurred_end >= ?', checkDay(from, 'from')));
  if (to !== undefined && to !== null) where.push(sql('r.occurred_start <= ?', checkDay(to, 'to')));
  if (from && to && from > to)
    throw new InvalidQueryArgumentError('to', `to (${to}) is before from (${from})`);
  return where;
}

function checkDay(value: string, argument: string): string {
  if (!isIsoDay(value))
    throw new InvalidQueryArgumentError(argument, `${argument} must be a day written YYYY-MM-DD`);
  return value;
}

function checkKinds(kinds: readonly string[]): string[] {
  for (const kind of kinds) {
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidQueryArgumentError('kinds', `${kind} is not a record kind`);
    }
  }
  return [...kinds];
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
