import { Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { GetRecordHistoryQuery, type HistoryEntry } from '@tracker/read-models';
import { After, First, pageOf } from '../records/connection.types.js';
import { answer } from '../records/read-errors.js';
import { HistoryConnection, HistoryEvent } from './history.types.js';

@Resolver(() => HistoryEvent)
export class HistoryResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Query(() => HistoryConnection, {
    description: 'Every event of a record, oldest first: who recorded or changed it, when, citing what.',
  })
  async history(
    @Args('recordId', { type: () => ID }) recordId: string,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<HistoryConnection> {
    const connection = await answer(
      this.queryBus.execute(new GetRecordHistoryQuery(recordId, { first, after })),
    );
    return pageOf(connection, toHistoryEvent);
  }
}

function toHistoryEvent(entry: HistoryEntry): HistoryEvent {
  return { ...entry, recordedAt: new Date(entry.recordedAt) };
}
