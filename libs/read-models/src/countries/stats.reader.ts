import { daysBetween } from '@tracker/domain';
import { dayNumber, STAT_COLUMNS, type KeyedCounter } from '../projections/country-facets.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import type { Snapshot } from '../records/snapshot.js';

/**
 * The tallies of one country (or of `*`), now or as of a snapshot: one indexed read of its latest
 * `country_stats` row, and keyed counts summed over distinct days (never over records).
 */
export class StatsReader {
  constructor(private readonly readDb: ReadDatabase) {}

  /** The tallies in STAT_COLUMNS order; zeros for a country no record involved (yet). */
  statsAt(country: string, at: Snapshot): number[] {
    const row = (
      at.seq === undefined
        ? this.readDb
            .prepare('SELECT * FROM country_stats WHERE country = ? ORDER BY seq DESC LIMIT 1')
            .get(country)
        : this.readDb
            .prepare('SELECT * FROM country_stats WHERE country = ? AND seq <= ? ORDER BY seq DESC LIMIT 1')
            .get(country, at.seq)
    ) as Record<string, number> | undefined;
    return STAT_COLUMNS.map((name) => row?.[name] ?? 0);
  }

  /** Every country (not `*`) with at least one record at the snapshot, and how many. */
  countries(at: Snapshot): Map<string, number> {
    const next = this.readDb.prepare(
      "SELECT country FROM country_stats WHERE country > ? AND country <> '*' ORDER BY country LIMIT 1",
    );
    const counts = new Map<string, number>();
    // A loose index scan: one seek per distinct country (a few hundred at most), not one per row.
    let country = '*';
    for (;;) {
      const row = next.get(country) as { country: string } | undefined;
      if (row === undefined) break;
      country = row.country;
      const records = this.statsAt(country, at)[0]!;
      if (records > 0) counts.set(country, records);
    }
    return counts;
  }

  /** Per key of `counter` from `firstKey` to `lastKey` (inclusive), the count at the snapshot (zeros left out). */
  keyedCounts(
    country: string,
    counter: KeyedCounter,
    firstKey: string,
    lastKey: string,
    at: Snapshot,
  ): Map<string, number> {
    const rows = (
      at.seq === undefined
        ? this.readDb
            .prepare(
              `SELECT key, value FROM country_keyed_counts
               WHERE country = ? AND counter = ? AND key >= ? AND key <= ? AND value <> 0`,
            )
            .all(country, counter, firstKey, lastKey)
        : this.readDb
            .prepare(
              `SELECT d.key, (SELECT h.value FROM country_keyed_history h
                 WHERE h.country = d.country AND h.counter = d.counter AND h.key = d.key AND h.seq <= ?
                 ORDER BY h.seq DESC LIMIT 1) AS value
               FROM country_keyed_counts d
               WHERE d.country = ? AND d.counter = ? AND d.key >= ? AND d.key <= ?`,
            )
            .all(at.seq, country, counter, firstKey, lastKey)
    ) as { key: string; value: number | null }[];
    const counts = new Map<string, number>();
    for (const { key, value } of rows) if (value) counts.set(key, value);
    return counts;
  }

  /** One keyed count at the snapshot: one indexed read. */
  keyedCount(country: string, counter: KeyedCounter, key: string, at: Snapshot): number {
    const row = (
      at.seq === undefined
        ? this.readDb
            .prepare('SELECT value FROM country_keyed_counts WHERE country = ? AND counter = ? AND key = ?')
            .get(country, counter, key)
        : this.readDb
            .prepare(
              `SELECT value FROM country_keyed_history WHERE country = ? AND counter = ? AND key = ? AND seq <= ?
               ORDER BY seq DESC LIMIT 1`,
            )
            .get(country, counter, key, at.seq)
    ) as { value: number } | undefined;
    return row?.value ?? 0;
  }

  /**
   * Signatures past their deadline and not COMPLETE, as of the snapshot's today: whole months before
   * today's month from the month tallies, then the days of today's month before today. Reads one row
   * per month and at most 31 per day, never one per commitment.
   */
  overdue(country: string, at: Snapshot): number {
    const month = at.today.slice(0, 7);
    let total = 0;
    for (const count of this.keyedCounts(country, 'due_month', '', previousMonth(month), at).values()) {
      total += count;
    }
    for (const [day, count] of this.keyedCounts(country, 'due', `${month}-01`, at.today, at)) {
      if (day < at.today) total += count;
    }
    return total;
  }

  /**
   * Days in custody to the snapshot's today over the open periods (closed ones are a tally): for whole
   * months before today's, count × today − the sum of their first days; then today's month day by day.
   */
  openCustodyDays(country: string, at: Snapshot): number {
    const month = at.today.slice(0, 7);
    const today = dayNumber(at.today);
    const before = previousMonth(month);
    const counts = this.keyedCounts(country, 'custody_month', '', before, at);
    const firstDays = this.keyedCounts(country, 'custody_month_days', '', before, at);
    let total = 0;
    for (const [key, count] of counts) total += count * today - (firstDays.get(key) ?? 0);
    for (const [day, count] of this.keyedCounts(country, 'custody', `${month}-01`, at.today, at)) {
      total += count * Math.max(0, daysBetween(day, at.today));
    }
    return total;
  }
}

/** The month before `YYYY-MM`. */
function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}
