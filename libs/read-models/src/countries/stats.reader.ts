import { daysBetween, type IsoDay } from '@tracker/domain';
import { STAT_COLUMNS, type DayCounter } from '../projections/country-facets.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import type { Snapshot } from '../records/snapshot.js';

/**
 * The tallies of one country (or of `*`), now or as of a snapshot: one indexed read of its latest
 * `country_stats` row, and day counts summed over distinct days (never over records).
 */
export class StatsReader {
  constructor(private readonly readDb: ReadDatabase) {}

  /** The tallies in STAT_COLUMNS order; zeros for a country no record involved (yet). */
  statsAt(country: string, at: Snapshot): number[] {
    const row = (
      at.seq === undefined
        ? this.readDb.db
            .prepare('SELECT * FROM country_stats WHERE country = ? ORDER BY seq DESC LIMIT 1')
            .get(country)
        : this.readDb.db
            .prepare('SELECT * FROM country_stats WHERE country = ? AND seq <= ? ORDER BY seq DESC LIMIT 1')
            .get(country, at.seq)
    ) as Record<string, number> | undefined;
    return STAT_COLUMNS.map((name) => row?.[name] ?? 0);
  }

  /** Every country (not `*`) with at least one record at the snapshot, and how many. */
  countries(at: Snapshot): Map<string, number> {
    const next = this.readDb.db.prepare(
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

  /** Per day of `counter` up to `lastDay` (inclusive), the count at the snapshot (zeros left out). */
  dayCounts(country: string, counter: DayCounter, lastDay: IsoDay, at: Snapshot): Map<IsoDay, number> {
    const rows = (
      at.seq === undefined
        ? this.readDb.db
            .prepare(
              `SELECT day, value FROM country_day_counts
               WHERE country = ? AND counter = ? AND day <= ? AND value <> 0`,
            )
            .all(country, counter, lastDay)
        : this.readDb.db
            .prepare(
              `SELECT d.day, (SELECT h.value FROM country_day_history h
                 WHERE h.country = d.country AND h.counter = d.counter AND h.day = d.day AND h.seq <= ?
                 ORDER BY h.seq DESC LIMIT 1) AS value
               FROM country_day_counts d WHERE d.country = ? AND d.counter = ? AND d.day <= ?`,
            )
            .all(at.seq, country, counter, lastDay)
    ) as { day: string; value: number | null }[];
    const counts = new Map<IsoDay, number>();
    for (const { day, value } of rows) if (value) counts.set(day, value);
    return counts;
  }

  /** Signatures past their deadline and not COMPLETE, as of the snapshot's today. */
  overdue(country: string, at: Snapshot): number {
    let total = 0;
    for (const [day, count] of this.dayCounts(country, 'due', dayBefore(at.today), at)) {
      if (day < at.today) total += count;
    }
    return total;
  }

  /** Days in custody to the snapshot's today over the open periods (closed ones are a tally). */
  openCustodyDays(country: string, at: Snapshot): number {
    let total = 0;
    for (const [day, count] of this.dayCounts(country, 'custody', at.today, at)) {
      total += count * Math.max(0, daysBetween(day, at.today));
    }
    return total;
  }
}

function dayBefore(day: IsoDay): IsoDay {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
