import type { SQLInputValue } from 'node:sqlite';
import {
  decodeCursor,
  mapConnection,
  pageSize,
  toConnection,
  type Connection,
  type PageRequest,
} from '../paging/page.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import type { Snapshot } from './snapshot.js';
import { and, sql, type Sql } from './sql.js';

/** The indexes of `country_records` a list can walk (read-model.schema.ts). */
export type ListIndex =
  | 'country_records_newest'
  | 'country_records_by_kind'
  | 'country_records_by_implementation'
  | 'country_records_by_meeting'
  | 'country_records_by_statement'
  | 'country_records_by_custody'
  | 'country_records_by_indicator'
  | 'country_records_shutdowns';

/**
 * One walk of `country_records` (aliased `c`) newest first: the equality conditions that pick the start
 * of an index, and that index. A list is one walk or several merged (one per country asked for, say).
 */
export interface ListWalk {
  readonly index: ListIndex;
  readonly where: Sql;
}

/** Indexes of current rows only; "as of" walks them by kind instead (their conditions then filter). */
const NOW_ONLY: ReadonlySet<ListIndex> = new Set([
  'country_records_by_implementation',
  'country_records_by_custody',
]);

function indexFor(walk: ListWalk, at: Snapshot): ListIndex {
  return at.seq !== undefined && NOW_ONLY.has(walk.index) ? 'country_records_by_kind' : walk.index;
}

/** The rows of `c` that hold at the snapshot: current ones now, those valid at `seq` as of it. */
export function validAt(at: Snapshot, alias = 'c'): Sql {
  if (at.seq === undefined) return sql(`${alias}.to_seq IS NULL`);
  return sql(
    `${alias}.from_seq <= ? AND (${alias}.to_seq IS NULL OR ${alias}.to_seq > ?) AND ${alias}.occurred_start <= ?`,
    at.seq,
    at.seq,
    at.bound ?? '',
  );
}

interface ListRow {
  record_id: string;
  occurred_start: string;
}

/**
 * A page of record ids, newest first by occurrence then id, from one or more walks: each walk reads at
 * most `first + 1` index entries that hold at the snapshot, so a page costs the same whatever the
 * tracker holds. Walks are merged and a record found by two of them (two countries) counted once.
 * `count` gives the total lazily: it runs only if the client asks for totalCount.
 */
export function pageIds(
  readDb: ReadDatabase,
  walks: readonly ListWalk[],
  residual: readonly Sql[],
  page: PageRequest,
  at: Snapshot,
  count: () => number,
): Connection<string> {
  const limit = pageSize(page);
  const after = page.after ? decodeCursor(page.after, ['string', 'string']) : undefined;
  const seek = after ? [sql('(c.occurred_start, c.record_id) < (?, ?)', after[0]!, after[1]!)] : [];
  const merged = new Map<string, ListRow>();
  for (const walk of walks) {
    const condition = and([walk.where, validAt(at), ...residual, ...seek]);
    const rows = readDb
      .prepare(
        `SELECT c.record_id, c.occurred_start FROM country_records c INDEXED BY ${indexFor(walk, at)}
         WHERE ${condition.text} ORDER BY c.occurred_start DESC, c.record_id DESC LIMIT ?`,
      )
      .all(...condition.params, limit + 1) as unknown as ListRow[];
    for (const row of rows) merged.set(row.record_id, row);
  }
  const ordered = [...merged.values()].sort(newestFirst).slice(0, limit + 1);
  return mapConnection(
    toConnection(ordered, limit, count, (row) => [row.occurred_start, row.record_id]),
    (row) => row.record_id,
  );
}

/** How many distinct records the walks find at the snapshot: a count over the index ranges they name. */
export function countIds(
  readDb: ReadDatabase,
  walks: readonly ListWalk[],
  residual: readonly Sql[],
  at: Snapshot,
): number {
  if (walks.length === 0) return 0;
  const either: Sql = {
    text: walks.map((walk) => `(${walk.where.text})`).join(' OR '),
    params: walks.flatMap((walk) => walk.where.params as SQLInputValue[]),
  };
  const condition = and([either, validAt(at), ...residual]);
  const distinct = walks.length > 1 ? 'DISTINCT c.record_id' : '*';
  const row = readDb
    .prepare(`SELECT COUNT(${distinct}) AS total FROM country_records c WHERE ${condition.text}`)
    .get(...condition.params) as { total: number };
  return row.total;
}

function newestFirst(a: ListRow, b: ListRow): number {
  if (a.occurred_start !== b.occurred_start) return a.occurred_start < b.occurred_start ? 1 : -1;
  return a.record_id < b.record_id ? 1 : a.record_id > b.record_id ? -1 : 0;
}
