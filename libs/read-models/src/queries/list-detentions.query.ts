import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DetentionsReader, type DetentionFilter } from '../detentions/detentions.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';
import type { RecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';

type Detentions = Connection<RecordView<'DETENTION'>>;

/** Detention cases, newest first: open ones are those with persons in custody (as of `asOf`). */
export class ListDetentionsQuery extends Query<Detentions> {
  constructor(
    readonly filter: DetentionFilter,
    readonly page: PageRequest,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(ListDetentionsQuery)
export class ListDetentionsHandler implements IQueryHandler<ListDetentionsQuery, Detentions> {
  constructor(
    @Inject(DetentionsReader) private readonly detentions: DetentionsReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ filter, page, asOf }: ListDetentionsQuery): Promise<Detentions> {
    return this.detentions.list(filter, page, this.records.at(asOf));
  }
}
