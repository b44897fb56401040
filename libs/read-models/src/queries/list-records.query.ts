import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Connection, PageRequest } from '../paging/page.js';
import type { AnyRecordView } from '../records/record-view.js';
import { RecordsReader, type RecordFilter } from '../records/records.reader.js';

/** A page of records, newest first by occurrence. */
export class ListRecordsQuery extends Query<Connection<AnyRecordView>> {
  constructor(
    readonly filter: RecordFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(ListRecordsQuery)
export class ListRecordsHandler implements IQueryHandler<ListRecordsQuery, Connection<AnyRecordView>> {
  constructor(@Inject(RecordsReader) private readonly records: RecordsReader) {}

  async execute({ filter, page }: ListRecordsQuery): Promise<Connection<AnyRecordView>> {
    return this.records.list(filter, page, this.records.at());
  }
}
