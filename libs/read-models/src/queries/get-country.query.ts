import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountriesReader, type CountryProfile } from '../countries/countries.reader.js';
import { RecordsReader } from '../records/records.reader.js';

/**
 * A country's profile, now or as of a recording time. NOT_FOUND when no record involves it (then);
 * BAD_USER_INPUT when `code` is not an ISO 3166-1 alpha-2 code. Its parts are queries of their own,
 * given the profile's `asOf`.
 */
export class GetCountryQuery extends Query<CountryProfile> {
  constructor(
    readonly code: string,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(GetCountryQuery)
export class GetCountryHandler implements IQueryHandler<GetCountryQuery, CountryProfile> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ code, asOf }: GetCountryQuery): Promise<CountryProfile> {
    return this.countries.profile(code, this.records.at(asOf));
  }
}
