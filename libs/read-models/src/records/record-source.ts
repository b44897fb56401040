import { RECORD_COLUMN_NAMES } from './record-columns.js';
import type { Snapshot } from './snapshot.js';
import { sql, type Sql } from './sql.js';

const COLUMNS = ['id', ...RECORD_COLUMN_NAMES].join(', ');

/*
 * Where a query's records come from, aliased `r`, with the same columns either way: the current rows
 * (`records`), or for an "as of" snapshot each record's latest history row recorded by then. Every
 * query is written once against `r`, so the current view and the "as of" view cannot drift apart.
 */
export function recordsRelation(at: Snapshot): Sql {
  if (at.asOf === undefined) return sql(`(SELECT ${COLUMNS} FROM records) AS r`);
  return sql(
    `(SELECT ${COLUMNS} FROM record_history WHERE position IN (
        SELECT MAX(position) FROM record_history WHERE recorded_at <= ? GROUP BY id)) AS r`,
    at.asOf,
  );
}

/** `r` involves `code` (in `role`, when given). Now: the indexed country table; as of: the row's own JSON. */
export function involvesCountry(code: string, at: Snapshot, role?: string): Sql {
  if (at.asOf === undefined) {
    return role === undefined
      ? sql('r.id IN (SELECT record_id FROM record_countries WHERE country = ?)', code)
      : sql('r.id IN (SELECT record_id FROM record_countries WHERE country = ? AND role = ?)', code, role);
  }
  if (role === undefined) return sql('instr(r.country_codes, ?) > 0', `,${code},`);
  return sql(
    "EXISTS (SELECT 1 FROM json_each(r.countries) c WHERE c.value ->> '$.code' = ? AND c.value ->> '$.role' = ?)",
    code,
    role,
  );
}

/** Where the signatories of commitment `r` are read from, as `s` with a country and an implementation. */
export interface SignatorySource {
  /** The FROM item, correlated with `r`. */
  readonly from: string;
  /** Ties `s` to `r`. */
  readonly joins: string;
  readonly country: string;
  readonly implementation: string;
}

/**
 * The signatories of commitment `r`: the indexed table now; as of a past time, the state's own
 * `implementation` map (a retracted state keeps it under `live`).
 */
export function signatorySource(at: Snapshot): SignatorySource {
  if (at.asOf === undefined) {
    return {
      from: 'commitment_signatories s',
      joins: 's.commitment_id = r.id',
      country: 's.country',
      implementation: 's.implementation',
    };
  }
  return {
    from: `json_each(r.state, CASE WHEN r.retracted = 1 THEN '$.live.implementation' ELSE '$.implementation' END) s`,
    joins: '1',
    country: 's.key',
    implementation: 's.value',
  };
}
