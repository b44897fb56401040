import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { HistoryReader, type HistoryEntry, type RecordedEventPlace } from '../history/history.reader.js';
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

/** Which record holds the event with this id, and where in the store; undefined for none. */
export class FindRecordEventQuery extends Query<RecordedEventPlace | undefined> {
  constructor(readonly eventId: string) {
    super();
  }
}

@QueryHandler(FindRecordEventQuery)
export class FindRecordEventHandler implements IQueryHandler<
  FindRecordEventQuery,
  RecordedEventPlace | undefined
> {
  constructor(@Inject(HistoryReader) private readonly history: HistoryReader) {}

  async execute({ eventId }: FindRecordEventQuery): Promise<RecordedEventPlace | undefined> {
    return this.history.findEvent(eventId);
  }
}
