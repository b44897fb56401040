import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReadQueries } from '@tracker/read-models';
import { After, First, pageOf } from './connection.types.js';
import { DetentionConnection, DetentionFilterInput } from './detentions.types.js';
import { toDetentionModel } from './record.mapper.js';
import { DetentionRecord } from './record.types.js';

@Resolver(() => DetentionRecord)
export class DetentionsResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @Query(() => DetentionConnection, {
    description: 'Detention cases across the region, newest first; open: true for those in custody now.',
  })
  async detentions(
    @Args('filter', { type: () => DetentionFilterInput, nullable: true })
    filter: DetentionFilterInput | undefined,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<DetentionConnection> {
    const connection = await this.reads.detentionList(filter ?? {}, { first, after });
    return pageOf(connection, toDetentionModel);
  }
}
