import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AnyRecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';

/** One record, now or as the tracker knew it at recording time `asOf`. NOT_FOUND when it was not. */
export class GetRecordQuery extends Query<AnyRecordView> {
  constructor(
    readonly id: string,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(GetRecordQuery)
export class GetRecordHandler implements IQueryHandler<GetRecordQuery, AnyRecordView> {
  constructor(@Inject(RecordsReader) private readonly records: RecordsReader) {}

  async execute({ id, asOf }: GetRecordQuery): Promise<AnyRecordView> {
    return this.records.get(id, this.records.at(asOf));
  }
}
