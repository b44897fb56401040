import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountriesReader, type FigureGroup } from '../countries/countries.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';
import type { RecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';

/** A country's indicators, a page at a time: each then lists its official and independent figures. */
export class GetCountryFiguresQuery extends Query<Connection<FigureGroup>> {
  constructor(
    readonly code: string,
    readonly indicator: string | null | undefined,
    readonly page: PageRequest,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(GetCountryFiguresQuery)
export class GetCountryFiguresHandler implements IQueryHandler<
  GetCountryFiguresQuery,
  Connection<FigureGroup>
> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ code, indicator, page, asOf }: GetCountryFiguresQuery): Promise<Connection<FigureGroup>> {
    return this.countries.figures(code, indicator, page, this.records.at(asOf));
  }
}

/** One side (official or independent) of one indicator's figures for a country, newest first. */
export class ListIndicatorFiguresQuery extends Query<Connection<RecordView<'FIGURE'>>> {
  constructor(
    readonly group: FigureGroup,
    readonly provenance: 'OFFICIAL' | 'INDEPENDENT',
    readonly page: PageRequest,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(ListIndicatorFiguresQuery)
export class ListIndicatorFiguresHandler implements IQueryHandler<
  ListIndicatorFiguresQuery,
  Connection<RecordView<'FIGURE'>>
> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ group, provenance, page, asOf }: ListIndicatorFiguresQuery) {
    return this.countries.figuresOf(group, provenance, page, this.records.at(asOf));
  }
}
