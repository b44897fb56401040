import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountriesReader, type CountrySummary } from '../countries/countries.reader.js';
import { RecordsReader } from '../records/records.reader.js';

/** Every country appearing in any record, with its names. */
export class ListCountriesQuery extends Query<CountrySummary[]> {
  constructor(readonly asOf?: Date | string | null) {
    super();
  }
}

@QueryHandler(ListCountriesQuery)
export class ListCountriesHandler implements IQueryHandler<ListCountriesQuery, CountrySummary[]> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ asOf }: ListCountriesQuery): Promise<CountrySummary[]> {
    return this.countries.list(this.records.at(asOf));
  }
}
