import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EvidenceRelation as EvidenceRelationValue } from '@tracker/domain';
import { ReadQueries, type RecordView } from '@tracker/read-models';
import { EvidenceRelation } from '@tracker/mutation-inputs';
import { After, First, pageOf } from '../records/connection.types.js';
import { toCommitmentModel, toEvidenceLink } from '../records/record.mapper.js';
import { CommitmentRecord, EvidenceLink } from '../records/record.types.js';
import { CommitmentConnection, CommitmentFilterInput } from './commitment.types.js';

@Resolver(() => CommitmentRecord)
export class CommitmentsResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @Query(() => CommitmentConnection, {
    description: 'Commitments, newest first; retracted ones only with includeRetracted.',
  })
  async commitments(
    @Args('filter', { type: () => CommitmentFilterInput, nullable: true })
    filter: CommitmentFilterInput | undefined,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<CommitmentConnection> {
    const connection = await this.reads.commitmentList(filter ?? {}, { first, after });
    return pageOf(connection, toCommitmentModel);
  }

  @ResolveField('evidence', () => [EvidenceLink], {
    description: 'Records linked as evidence: SUPPORTS (actions fulfilling it) and CONTRADICTS (against it).',
  })
  async evidence(
    @Parent() commitment: CommitmentRecord,
    @Args('relation', { type: () => EvidenceRelation, nullable: true }) relation?: EvidenceRelationValue,
  ): Promise<EvidenceLink[]> {
    const view = commitment.view as RecordView<'COMMITMENT'>;
    const links = await this.reads.evidence(view, relation);
    return links.map(toEvidenceLink);
  }
}
