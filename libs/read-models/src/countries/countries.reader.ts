import {
  countryInfo,
  DomainError,
  parseCountryCode,
  type CountryCode,
  type CountryInfo,
  type IsoDay,
} from '@tracker/domain';
import { InvalidQueryArgumentError, ReadModelNotFoundError } from '../errors/read-model-errors.js';
import type { Connection, PageRequest } from '../paging/page.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import { recordsRelation, involvesCountry } from '../records/record-source.js';
import type { AnyRecordView } from '../records/record-view.js';
import { occurredWithin, type RecordsReader } from '../records/records.reader.js';
import type { Snapshot } from '../records/snapshot.js';
import { inList, type Sql } from '../records/sql.js';
import { countryStats, type CountryStats } from './country-stats.js';
import { figuresSideBySide, type FigureComparison } from './figures-side-by-side.js';

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

/** The per-country read model: every country in any record, its stats, timeline and figures. */
export class CountriesReader {
  constructor(
    private readonly readDb: ReadDatabase,
    private readonly records: RecordsReader,
  ) {}

  /** Every country appearing in any record (as of the snapshot), by English name. */
  list(at: Snapshot): CountrySummary[] {
    return [...this.recordCounts(at)]
      .map(([code, recordCount]) => ({ ...countryInfo(code), recordCount }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  /** NOT_FOUND when no record involves `code` (as of the snapshot); BAD_USER_INPUT when it is no ISO code. */
  profile(code: string, at: Snapshot): CountryProfile {
    const valid = checkCountryCode(code);
    const recordCount = this.recordCounts(at, valid).get(valid);
    if (recordCount === undefined) {
      const when = at.asOf === undefined ? '' : ` as of ${at.asOf}`;
      throw new ReadModelNotFoundError('country', valid, `The tracker holds no record about ${valid}${when}`);
    }
    return { ...countryInfo(valid), recordCount, asOf: at.asOf, today: at.today };
  }

  stats(code: string, at: Snapshot): CountryStats {
    const valid = checkCountryCode(code);
    return countryStats(this.records.all([involvesCountry(valid, at)], at), valid, at.today);
  }

  /** Every record involving the country, newest first by occurrence, retracted ones flagged. */
  timeline(code: string, filter: TimelineFilter, page: PageRequest, at: Snapshot): Connection<AnyRecordView> {
    const valid = checkCountryCode(code);
    const where: Sql[] = [involvesCountry(valid, at), ...occurredWithin(filter.from, filter.to)];
    if (filter.kinds) where.push(inList('r.kind', filter.kinds));
    return this.records.newestFirst(where, page, at);
  }

  figures(code: string, indicator: string | null | undefined, at: Snapshot): FigureComparison[] {
    const valid = checkCountryCode(code);
    const figures = this.records.all([involvesCountry(valid, at, 'SCOPE'), inList('r.kind', ['FIGURE'])], at);
    return figuresSideBySide(figures, valid, indicator);
  }

  private recordCounts(at: Snapshot, only?: CountryCode): Map<CountryCode, number> {
    const relation = recordsRelation(at);
    const filter = only === undefined ? undefined : involvesCountry(only, at);
    const rows = this.readDb.db
      .prepare(`SELECT r.country_codes FROM ${relation.text} WHERE ${filter?.text ?? '1'}`)
      .all(...relation.params, ...(filter?.params ?? [])) as { country_codes: string }[];
    const counts = new Map<CountryCode, number>();
    for (const { country_codes } of rows) {
      for (const code of country_codes.split(',')) {
        if (code !== '') counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
    return counts;
  }
}

/** An ISO 3166-1 alpha-2 code (any case); anything else is the client's mistake, on `argument`. */
export function checkCountryCode(code: string, argument = 'code'): CountryCode {
  try {
    return parseCountryCode(code, argument);
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidQueryArgumentError(argument, error.message);
    throw error;
  }
}
