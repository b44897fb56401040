import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EvidenceRelation } from '@tracker/domain';
import { CommitmentsReader, type EvidenceView } from '../commitments/commitments.reader.js';
import type { RecordView } from '../records/record-view.js';

/** The records supporting or contradicting a commitment, as of the commitment view's own snapshot. */
export class GetCommitmentEvidenceQuery extends Query<EvidenceView[]> {
  constructor(
    readonly commitment: RecordView<'COMMITMENT'>,
    readonly relation?: EvidenceRelation | null,
  ) {
    super();
  }
}

@QueryHandler(GetCommitmentEvidenceQuery)
export class GetCommitmentEvidenceHandler implements IQueryHandler<
  GetCommitmentEvidenceQuery,
  EvidenceView[]
> {
  constructor(@Inject(CommitmentsReader) private readonly commitments: CommitmentsReader) {}

  async execute({ commitment, relation }: GetCommitmentEvidenceQuery): Promise<EvidenceView[]> {
    return this.commitments.evidence(commitment, relation);
  }
}
