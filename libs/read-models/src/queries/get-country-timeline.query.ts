import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountriesReader, type TimelineFilter } from '../countries/countries.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';
import type { AnyRecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';

/** Every record involving a country, newest first by occurrence, filterable by kind and date range. */
export class GetCountryTimelineQuery extends Query<Connection<AnyRecordView>> {
  constructor(
    readonly code: string,
    readonly filter: TimelineFilter,
    readonly page: PageRequest,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(GetCountryTimelineQuery)
export class GetCountryTimelineHandler implements IQueryHandler<
  GetCountryTimelineQuery,
  Connection<AnyRecordView>
> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ code, filter, page, asOf }: GetCountryTimelineQuery): Promise<Connection<AnyRecordView>> {
    return this.countries.timeline(code, filter, page, this.records.at(asOf));
  }
}
