import { countryInfo, IMPLEMENTATION_STATUSES, type CountryInfo, type IsoDay } from '@tracker/domain';
import { ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { decodeCursor, pageSize, toConnection, type Connection, type PageRequest } from '../paging/page.js';
import { indicatorKey, KEY_SEPARATOR, STAT_INDEX, type StatColumn } from '../projections/country-facets.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import { validAt } from '../records/record-lists.js';
import type { AnyRecordView, RecordView } from '../records/record-view.js';
import { type RecordsReader } from '../records/records.reader.js';
import type { Snapshot } from '../records/snapshot.js';
import { and, sql } from '../records/sql.js';
import type { SQLInputValue } from 'node:sqlite';
import type { CachedStatement } from '../read-db/read-cache.js';
import { checkCountryCode } from './country-code.js';
import type { CountryStats, ShutdownPeriod } from './country-stats.js';

export { checkCountryCode } from './country-code.js';

/** A country the tracker holds records about. */
export interface CountrySummary extends CountryInfo {
  /** Records involving it, retracted ones included (they stay visible to audits). */
  readonly recordCount: number;
}

/** A country's profile as of a snapshot; its parts (stats, timeline...) are read on demand. */
export interface CountryProfile extends CountrySummary {
  readonly asOf?: string;
  readonly today: IsoDay;
}

export interface TimelineFilter {
  readonly kinds?: AnyRecordView['kind'][] | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

/** One indicator's figures for a country: read page by page, official and independent apart. */
export interface FigureGroup {
  readonly country: string;
  readonly key: string;
  /** As its newest figure names it. */
  readonly indicator: string;
}

interface NewestFigure {
  indicator: string;
  occurred_start: string;
  record_id: string;
}

/** The most shutdowns `stats.shutdownsByPeriod` lists: the latest periods. */
export const MAX_SHUTDOWN_PERIODS = 100;

/** The per-country read model: every country in any record, its stats, timeline and figures. */
export class CountriesReader {
  constructor(
    private readonly readDb: ReadDatabase,
    private readonly records: RecordsReader,
  ) {}

  /** Every country appearing in any record (as of the snapshot), by English name. */
  list(at: Snapshot): CountrySummary[] {
    return [...this.records.stats.countries(at)]
      .map(([code, recordCount]) => ({ ...countryInfo(code), recordCount }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  /**
   * NOT_FOUND when no record involves `code` (now); as of a time before its first record, its profile is
   * empty. BAD_USER_INPUT when it is no ISO code.
   */
  profile(code: string, at: Snapshot): CountryProfile {
    const valid = checkCountryCode(code);
    const recordCount = this.records.stats.statsAt(valid, at)[STAT_INDEX.records]!;
    // A country the tracker knows, as of a time before its first record: an empty profile, not an error
    // (what the tracker said then is "nothing yet"), so "then" and "now" can be asked side by side.
    const knownNow = () => this.records.stats.statsAt(valid, { today: at.today })[STAT_INDEX.records]! > 0;
    if (recordCount === 0 && !(at.asOf !== undefined && knownNow())) {
      const when = at.asOf === undefined ? '' : ` as of ${at.asOf}`;
      throw new ReadModelNotFoundError('country', valid, `The tracker holds no record about ${valid}${when}`);
    }
    return { ...countryInfo(valid), recordCount, asOf: at.asOf, today: at.today };
  }

  /** domain.md's per-country stats from the tallies: a few indexed reads, whatever the country holds. */
  stats(code: string, at: Snapshot): CountryStats {
    const valid = checkCountryCode(code);
    const values = this.records.stats.statsAt(valid, at);
    const stat = (name: StatColumn) => values[STAT_INDEX[name]]!;
    return {
      meetingsAttended: stat('meetings_attended'),
      commitments: stat('commitments'),
      commitmentsByImplementation: IMPLEMENTATION_STATUSES.map((status) => ({
        status,
        count: stat(`impl_${status.toLowerCase()}` as StatColumn),
      })),
      overdueCommitments: this.records.stats.overdue(valid, at),
      activeTaskForces: stat('active_task_forces'),
      arrestOperations: stat('arrest_operations'),
      personsArrested: stat('persons_arrested'),
      nationalsArrestedElsewhere: stat('nationals_arrested_elsewhere'),
      openDetentionCases: stat('open_detention_cases'),
      journalistsDetained: stat('persons_in_custody'),
      detentionDays: stat('closed_custody_days') + this.records.stats.openCustodyDays(valid, at),
      shutdownOperations: stat('shutdowns'),
      shutdownsByPeriod: this.shutdowns(valid, at),
    };
  }

  /** Every record involving the country, newest first by occurrence, retracted ones flagged. */
  timeline(code: string, filter: TimelineFilter, page: PageRequest, at: Snapshot): Connection<AnyRecordView> {
    return this.records.listIn([checkCountryCode(code)], filter, page, at);
  }

  /**
   * Its indicators (figures whose SCOPE it is, retracted ones left out), a page at a time in the order
   * of their key (the indicator in lower case, spaces folded); `indicator` narrows to one.
   */
  figures(
    code: string,
    indicator: string | null | undefined,
    page: PageRequest,
    at: Snapshot,
  ): Connection<FigureGroup> {
    const country = checkCountryCode(code);
    const limit = pageSize(page);
    const valid = validAt(at);
    const groupExists = and([
      sql('c.country = ? AND c.indicator_key IS NOT NULL AND c.retracted = 0', country),
      valid,
    ]);
    const newest = this.readDb.prepare(
      `SELECT c.indicator, c.occurred_start, c.record_id FROM country_records c INDEXED BY country_records_by_indicator
       WHERE ${groupExists.text} AND c.indicator_key = ? AND c.provenance = ?
       ORDER BY c.occurred_start DESC, c.record_id DESC LIMIT 1`,
    );
    const groupOf = (key: string): FigureGroup | undefined => {
      // Named as its newest figure names it, whichever side that is on.
      const [newestFigure] = ['OFFICIAL', 'INDEPENDENT']
        .map((provenance) => newest.get(...groupExists.params, key, provenance) as NewestFigure | undefined)
        .filter((found) => found !== undefined)
        .sort((a, b) =>
          a.occurred_start !== b.occurred_start
            ? b.occurred_start.localeCompare(a.occurred_start)
            : b.record_id.localeCompare(a.record_id),
        );
      return newestFigure && { country, key, indicator: newestFigure.indicator };
    };
    if (indicator) {
      const group = groupOf(indicatorKey(indicator));
      return toConnection(group ? [group] : [], limit, group ? 1 : 0, (g) => [g.key]);
    }
    const after = page.after ? (decodeCursor(page.after, ['string'])[0] as string) : '';
    // A loose index scan: one seek per indicator, so a page costs its size, not the figures behind it.
    const nextKey = this.readDb.prepare(
      `SELECT c.indicator_key FROM country_records c INDEXED BY country_records_by_indicator
       WHERE ${groupExists.text} AND c.indicator_key > ? ORDER BY c.indicator_key LIMIT 1`,
    );
    const groups: FigureGroup[] = [];
    let key = after;
    while (groups.length <= limit) {
      const row = nextKey.get(...groupExists.params, key) as { indicator_key: string } | undefined;
      if (row === undefined) break;
      key = row.indicator_key;
      groups.push(groupOf(key)!);
    }
    return toConnection(
      groups,
      limit,
      () => this.countGroups(nextKey, groupExists.params),
      (g) => [g.key],
    );
  }

  /** One side of an indicator's figures, newest first. */
  figuresOf(
    group: FigureGroup,
    provenance: 'OFFICIAL' | 'INDEPENDENT',
    page: PageRequest,
    at: Snapshot,
  ): Connection<RecordView<'FIGURE'>> {
    const walk = {
      index: 'country_records_by_indicator' as const,
      where: sql(
        'c.country = ? AND c.indicator_key = ? AND c.provenance = ?',
        group.country,
        group.key,
        provenance,
      ),
    };
    const total = () =>
      this.records.stats.keyedCount(
        group.country,
        'figures',
        `${provenance}${KEY_SEPARATOR}${group.key}`,
        at,
      );
    return this.records.page([walk], [sql('c.retracted = 0')], page, at, total) as Connection<
      RecordView<'FIGURE'>
    >;
  }

  /** Its indicators at the snapshot, counted by the same loose scan: one seek per indicator. */
  private countGroups(nextKey: CachedStatement, params: readonly SQLInputValue[]): number {
    let count = 0;
    let key = '';
    for (;;) {
      const row = nextKey.get(...params, key) as { indicator_key: string } | undefined;
      if (row === undefined) return count;
      key = row.indicator_key;
      count++;
    }
  }

  /** The latest MAX_SHUTDOWN_PERIODS shutdowns the country carried out, earliest period first. */
  private shutdowns(country: string, at: Snapshot): ShutdownPeriod[] {
    // The periods are kept on the country's own rows: no record is read to list them.
    const condition = and([
      sql('c.country = ? AND c.summary IS NOT NULL AND c.retracted = 0', country),
      validAt(at),
    ]);
    const rows = this.readDb
      .prepare(
        `SELECT c.record_id, c.occurred_start, c.occurred_end, c.summary FROM country_records c
         INDEXED BY country_records_shutdowns WHERE ${condition.text}
         ORDER BY c.occurred_start DESC, c.record_id DESC LIMIT ?`,
      )
      .all(...condition.params, MAX_SHUTDOWN_PERIODS) as {
      record_id: string;
      occurred_start: string;
      occurred_end: string;
      summary: string;
    }[];
    return [...rows].reverse().map((row) => ({
      recordId: row.record_id,
      startDay: row.occurred_start,
      endDay: row.occurred_end,
      ...(JSON.parse(row.summary) as Omit<ShutdownPeriod, 'recordId' | 'startDay' | 'endDay'>),
    }));
  }
}
