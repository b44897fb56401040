import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommitmentsReader, type CommitmentFilter } from '../commitments/commitments.reader.js';
import type { Connection, PageRequest } from '../paging/page.js';
import type { RecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';

type Commitments = Connection<RecordView<'COMMITMENT'>>;

/** A page of commitments, newest first; `asOf` for a country profile's commitments as of a time. */
export class ListCommitmentsQuery extends Query<Commitments> {
  constructor(
    readonly filter: CommitmentFilter,
    readonly page: PageRequest,
    readonly asOf?: Date | string | null,
  ) {
    super();
  }
}

@QueryHandler(ListCommitmentsQuery)
export class ListCommitmentsHandler implements IQueryHandler<ListCommitmentsQuery, Commitments> {
  constructor(
    @Inject(CommitmentsReader) private readonly commitments: CommitmentsReader,
    @Inject(RecordsReader) private readonly records: RecordsReader,
  ) {}

  async execute({ filter, page, asOf }: ListCommitmentsQuery): Promise<Commitments> {
    return this.commitments.list(filter, page, this.records.at(asOf));
  }
}
