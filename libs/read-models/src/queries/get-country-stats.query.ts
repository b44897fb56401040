import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountriesReader } from '../countries/countries.reader.js';
import type { CountryStats } from '../countries/country-stats.js';
import { RecordsReader } from '../records/records.reader.js';

/** domain.md's per-country stats, now or as of a recording time. */
export class GetCountryStatsQuery extends Query<CountryStats> {
  constructor(
    readonly code: string,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(GetCountryStatsQuery)
export class GetCountryStatsHandler implements IQueryHandler<GetCountryStatsQuery, CountryStats> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ code, asOf }: GetCountryStatsQuery): Promise<CountryStats> {
    return this.countries.stats(code, this.records.at(asOf));
  }
}
