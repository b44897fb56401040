import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type HistoryEntry, ReadQueries } from '@tracker/read-models';
import { After, First, pageOf } from '../records/connection.types.js';
import { TRANSPARENCY_LOG } from '../../integrity/integrity.module.js';
import type { TransparencyLog } from '../../integrity/open-transparency-log.js';
import { HistoryConnection, HistoryEvent } from './history.types.js';

@Resolver(() => HistoryEvent)
export class HistoryResolver {
  constructor(
    @Inject(ReadQueries) private readonly reads: ReadQueries,
    @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog,
  ) {}

  @Query(() => HistoryConnection, {
    description: 'Every event of a record, oldest first: who recorded or changed it, when, citing what.',
  })
  async history(
    @Args('recordId', { type: () => ID }) recordId: string,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<HistoryConnection> {
    const connection = await this.reads.history(recordId, { first, after });
    return pageOf(connection, toHistoryEvent);
  }

  @ResolveField(() => Int, { nullable: true })
  leafIndex(@Parent() event: HistoryEvent): number | null {
    return this.transparency.log.leafAt(event.position)?.index ?? null;
  }
}

function toHistoryEvent(entry: HistoryEntry): HistoryEvent {
  return { ...entry, recordedAt: new Date(entry.recordedAt) };
}
