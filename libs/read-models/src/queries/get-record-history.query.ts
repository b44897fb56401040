import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { HistoryReader, type HistoryEntry } from '../history/history.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';

/** Every event of a record, oldest first. NOT_FOUND for a record the tracker never held. */
export class GetRecordHistoryQuery extends Query<Connection<HistoryEntry>> {
  constructor(
    readonly recordId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(GetRecordHistoryQuery)
export class GetRecordHistoryHandler implements IQueryHandler<
  GetRecordHistoryQuery,
  Connection<HistoryEntry>
> {
  constructor(@Inject(HistoryReader) private readonly history: HistoryReader) {}

  async execute({ recordId, page }: GetRecordHistoryQuery): Promise<Connection<HistoryEntry>> {
    return this.history.history(recordId, page);
  }
}
