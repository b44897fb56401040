import {
  countryCodes,
  daysBetween,
  deadlineDay,
  endDay,
  IMPLEMENTATION_STATUSES,
  startDay,
  type CountryCode,
  type IsoDay,
} from '@tracker/domain';
import type { AnyRecordView } from '../records/record-view.js';

/** The pseudo-country under which every record is also filed: the tracker-wide lists read it. */
export const ALL_COUNTRIES = '*';

/**
 * What one record puts in one country's lists (`country_records`): the columns those lists sort and
 * filter on. A new version of the row is written only when one of them changes, so a correction of a
 * figure's value or a note on a detention leaves the lists alone.
 */
export interface FacetRow {
  kind: string;
  occurred_start: IsoDay;
  occurred_end: IsoDay;
  /** ',ACTING,SCOPE,': the roles this country plays in the record. */
  roles: string;
  retracted: 0 | 1;
  /** COMMITMENT, for a signatory: its own implementation status. */
  implementation: string | null;
  /** COMMITMENT: the deadline's last day, its meeting or statement, its theme (lower case). */
  due_day: IsoDay | null;
  meeting_id: string | null;
  statement_id: string | null;
  theme_key: string | null;
  /** DETENTION: 1 while persons are in custody. */
  in_custody: 0 | 1 | null;
  /** FIGURE, for its SCOPE country: the indicator as written, its grouping key and provenance. */
  indicator: string | null;
  indicator_key: string | null;
  provenance: string | null;
  /** SHUTDOWN, for its ACTING country: the period's fields as JSON, so stats list them without the record. */
  summary: string | null;
}

export const FACET_COLUMNS = [
  'kind',
  'occurred_start',
  'occurred_end',
  'roles',
  'retracted',
  'implementation',
  'due_day',
  'meeting_id',
  'statement_id',
  'theme_key',
  'in_custody',
  'indicator',
  'indicator_key',
  'provenance',
  'summary',
] as const satisfies readonly (keyof FacetRow)[];

/**
 * The fixed per-country tallies, one integer each, in the order of the `country_stats` columns.
 * `records*` count retracted records too (timelines show them); every other tally leaves them out.
 */
export const STAT_COLUMNS = [
  'records',
  'records_meeting',
  'records_commitment',
  'records_task_force',
  'records_arrest',
  'records_detention',
  'records_shutdown',
  'records_figure',
  'records_statement',
  'records_actor',
  'records_allegation',
  'meetings_attended',
  'commitments',
  ...IMPLEMENTATION_STATUSES.map((status) => `impl_${status.toLowerCase()}`),
  'active_task_forces',
  'arrest_operations',
  'persons_arrested',
  'nationals_arrested_elsewhere',
  'open_detention_cases',
  'persons_in_custody',
  'closed_custody_days',
  'shutdowns',
] as const;
export type StatColumn = (typeof STAT_COLUMNS)[number];
export const STAT_INDEX: Readonly<Record<StatColumn, number>> = Object.fromEntries(
  STAT_COLUMNS.map((name, index) => [name, index]),
) as Record<StatColumn, number>;

/** Tallies under a key: a day, for answers that depend on today; an indicator, for its figures. */
export type KeyedCounter =
  /** Signatures of live commitments not COMPLETE, by the deadline's last day: overdue once it passed. */
  | 'due'
  /** Open custody periods of live cases the country holds, by the day custody began. */
  | 'custody'
  /** Standing figures whose SCOPE the country is, by `${provenance}${KEY_SEPARATOR}${indicator key}`. */
  | 'figures'
  /** The same as 'due' and 'custody', by month (YYYY-MM): a sum up to today reads months, then days. */
  | 'due_month'
  | 'custody_month'
  /** Per month, the sum over its open custody periods of their first day's number (days since 1970). */
  | 'custody_month_days';

/** Between the parts of a keyed count's key (no text a record holds contains it: control characters are refused). */
export const KEY_SEPARATOR = '\u0001';

/** Everything one record contributes to the per-country model, in one state. */
export interface Contribution {
  readonly rows: Map<string, FacetRow>;
  /** Per country: stat column index → amount. */
  readonly stats: Map<string, Map<number, number>>;
  /** Per country: `${counter}${KEY_SEPARATOR}${key}` → amount. */
  readonly keyed: Map<string, Map<string, number>>;
}

export const EMPTY_CONTRIBUTION: Contribution = { rows: new Map(), stats: new Map(), keyed: new Map() };

/** Indicators group case-insensitively, white space folded: "Websites  shut down" = "websites shut down". */
export function indicatorKey(indicator: string): string {
  return indicator.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The rows and tallies a record contributes as `view` stands. Mirrors the fold that computes the stats
 * from every record (testing/country-oracle.ts), one record at a time, so that the difference between a
 * record's contribution before and after an event is exactly what that event changes.
 */
export function contributionOf(view: AnyRecordView): Contribution {
  const rows = new Map<string, FacetRow>();
  const stats = new Map<string, Map<number, number>>();
  const keyed = new Map<string, Map<string, number>>();
  const add = (country: string, column: StatColumn, amount: number) => {
    if (amount === 0) return;
    let map = stats.get(country);
    if (map === undefined) stats.set(country, (map = new Map()));
    const index = STAT_INDEX[column];
    map.set(index, (map.get(index) ?? 0) + amount);
  };
  const addKeyed = (country: string, counter: KeyedCounter, counted: string, amount: number) => {
    let map = keyed.get(country);
    if (map === undefined) keyed.set(country, (map = new Map()));
    const key = `${counter}${KEY_SEPARATOR}${counted}`;
    map.set(key, (map.get(key) ?? 0) + amount);
  };

  const fields = view.live.fields;
  const retracted = view.retracted ? 1 : 0;
  const base: FacetRow = {
    kind: view.kind,
    occurred_start: startDay(fields.occurred),
    occurred_end: endDay(fields.occurred),
    roles: '',
    retracted,
    implementation: null,
    due_day: null,
    meeting_id: null,
    statement_id: null,
    theme_key: null,
    in_custody: null,
    indicator: null,
    indicator_key: null,
    provenance: null,
    summary: null,
  };
  if (view.kind === 'COMMITMENT') {
    const commitment = view.live.fields;
    base.due_day = commitment.deadline ? deadlineDay(commitment.deadline) : null;
    base.meeting_id = commitment.meetingId ?? null;
    base.statement_id = commitment.statementId ?? null;
    base.theme_key = commitment.theme ? commitment.theme.toLowerCase() : null;
  }
  if (view.kind === 'DETENTION') base.in_custody = view.live.inCustody ? 1 : 0;

  const kindColumn = `records_${view.kind.toLowerCase()}` as StatColumn;
  add(ALL_COUNTRIES, 'records', 1);
  add(ALL_COUNTRIES, kindColumn, 1);
  rows.set(ALL_COUNTRIES, { ...base });
  // An actor is not something a country did or was part of: it is listed tracker-wide (and by its home
  // country through `actors(filter: { country })`), never in a country's timeline or tallies.
  if (view.kind === 'ACTOR') return { rows, stats, keyed };

  for (const code of countryCodes(fields.countries)) {
    const roles = fields.countries.filter((c) => c.code === code).map((c) => c.role);
    const row: FacetRow = { ...base, roles: `,${[...new Set(roles)].sort().join(',')},` };
    add(code, 'records', 1);
    add(code, kindColumn, 1);
    if (view.kind === 'COMMITMENT' && roles.includes('SIGNATORY')) {
      row.implementation = view.live.implementation[code] ?? 'NO_EVIDENCE';
    }
    if (view.kind === 'SHUTDOWN' && roles.includes('ACTING')) {
      const { occurred, count, target, action, categories, authority } = view.live.fields;
      row.summary = JSON.stringify({ occurred, count, target, action, categories, authority });
    }
    if (view.kind === 'FIGURE' && roles.includes('SCOPE')) {
      row.indicator = view.live.fields.indicator;
      row.indicator_key = indicatorKey(view.live.fields.indicator);
      row.provenance = view.live.fields.provenance;
    }
    rows.set(code, row);
    if (!retracted) tally(view, code, roles, add, addKeyed);
  }
  return { rows, stats, keyed };
}

/** The stats of `code` that one standing record adds (country-oracle.ts's `countryStats`, per record). */
function tally(
  view: AnyRecordView,
  code: CountryCode,
  roles: readonly string[],
  add: (country: string, column: StatColumn, amount: number) => void,
  addKeyed: (country: string, counter: KeyedCounter, counted: string, amount: number) => void,
): void {
  const has = (role: string) => roles.includes(role);
  switch (view.kind) {
    case 'MEETING':
      if (has('HOST') || has('PARTICIPANT')) add(code, 'meetings_attended', 1);
      return;
    case 'COMMITMENT': {
      if (!has('SIGNATORY')) return;
      const implementation = view.live.implementation[code] ?? 'NO_EVIDENCE';
      add(code, 'commitments', 1);
      add(code, `impl_${implementation.toLowerCase()}` as StatColumn, 1);
      const { deadline } = view.live.fields;
      if (deadline !== undefined && implementation !== 'COMPLETE') {
        const day = deadlineDay(deadline);
        addKeyed(code, 'due', day, 1);
        addKeyed(code, 'due_month', day.slice(0, 7), 1);
      }
      return;
    }
    case 'TASK_FORCE':
      if (has('ACTING') && view.live.status === 'active') add(code, 'active_task_forces', 1);
      return;
    case 'ARREST':
      if (has('ACTING')) {
        add(code, 'arrest_operations', 1);
        add(code, 'persons_arrested', view.live.fields.personsArrested);
      } else {
        const nationals = view.live.fields.nationalities.find((n) => n.country === code);
        add(code, 'nationals_arrested_elsewhere', nationals?.count ?? 0);
      }
      return;
    case 'DETENTION':
      if (!has('ACTING')) return;
      if (view.live.inCustody) {
        add(code, 'open_detention_cases', 1);
        add(code, 'persons_in_custody', view.live.fields.persons.length);
      }
      for (const period of view.live.custody) {
        if (period.to === undefined) {
          addKeyed(code, 'custody', period.from, 1);
          addKeyed(code, 'custody_month', period.from.slice(0, 7), 1);
          addKeyed(code, 'custody_month_days', period.from.slice(0, 7), dayNumber(period.from));
        } else add(code, 'closed_custody_days', Math.max(0, daysBetween(period.from, period.to)));
      }
      return;
    case 'SHUTDOWN':
      if (has('ACTING')) add(code, 'shutdowns', 1);
      return;
    case 'FIGURE':
      if (has('SCOPE')) {
        const { provenance, indicator } = view.live.fields;
        addKeyed(code, 'figures', `${provenance}${KEY_SEPARATOR}${indicatorKey(indicator)}`, 1);
      }
      return;
    default:
      return;
  }
}

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(day: IsoDay): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** Do two versions of a row hold the same values? */
export function sameFacet(a: FacetRow, b: FacetRow): boolean {
  for (const column of FACET_COLUMNS) if (a[column] !== b[column]) return false;
  return true;
}

/** `after − before`, per country and column, zeros dropped. */
export function diffCounts<K>(
  before: Map<string, Map<K, number>>,
  after: Map<string, Map<K, number>>,
): Map<string, Map<K, number>> {
  const out = new Map<string, Map<K, number>>();
  const put = (country: string, key: K, amount: number) => {
    if (amount === 0) return;
    let map = out.get(country);
    if (map === undefined) out.set(country, (map = new Map()));
    map.set(key, (map.get(key) ?? 0) + amount);
  };
  for (const [country, map] of after) for (const [key, amount] of map) put(country, key, amount);
  for (const [country, map] of before) for (const [key, amount] of map) put(country, key, -amount);
  for (const [country, map] of out) {
    for (const [key, amount] of map) if (amount === 0) map.delete(key);
    if (map.size === 0) out.delete(country);
  }
  return out;
}
