import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountriesReader } from '../countries/countries.reader.js';
import type { FigureComparison } from '../countries/figures-side-by-side.js';
import { RecordsReader } from '../records/records.reader.js';

/** A country's figures per indicator, official and independent side by side. */
export class GetCountryFiguresQuery extends Query<FigureComparison[]> {
  constructor(
    readonly code: string,
    readonly indicator?: string | null,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(GetCountryFiguresQuery)
export class GetCountryFiguresHandler implements IQueryHandler<GetCountryFiguresQuery, FigureComparison[]> {
  constructor(
    @Inject(CountriesReader) private readonly countries: CountriesReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ code, indicator, asOf }: GetCountryFiguresQuery): Promise<FigureComparison[]> {
    return this.countries.figures(code, indicator, this.records.at(asOf));
  }
}
