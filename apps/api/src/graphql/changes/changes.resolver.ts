import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadQueries, type RecordChangeEntry } from '@tracker/read-models';
import { badUserInput } from '@tracker/mutation-inputs';
import { toRecordModel } from '../records/record.mapper.js';
import { RecordInterface } from '../records/record.types.js';
import { Change, ChangeConnection, ChangeFilterInput } from './changes.types.js';

/** The largest GraphQL page of changes (the NDJSON feed allows more). */
const MAX_GRAPHQL_CHANGES = 100;

@Resolver(() => Change)
export class ChangesResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @Query(() => ChangeConnection, {
    description:
      "Every record change in store order after a store position (a change's, or a mutation's): " +
      'creations, corrections, retractions and reinstatements, status changes. A mirror that applies them ' +
      'in order ends equal to the tracker; nothing is ever deleted, retraction is a change like any other.',
  })
  async changes(
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'A store position; from the start when absent.',
    })
    after: string | undefined,
    @Args('filter', { type: () => ChangeFilterInput, nullable: true }) filter: ChangeFilterInput | undefined,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `At most this many changes, ${MAX_GRAPHQL_CHANGES} by default and at most.`,
    })
    first: number | undefined,
  ): Promise<ChangeConnection> {
    const size = first ?? MAX_GRAPHQL_CHANGES;
    if (size > MAX_GRAPHQL_CHANGES) {
      throw badUserInput([{ field: 'first', reasons: [`first must be at most ${MAX_GRAPHQL_CHANGES}`] }]);
    }
    const page = await this.reads.changes({ after, ...filter }, size);
    return {
      edges: page.changes.map((change) => ({ cursor: change.position, node: toChange(change) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: false,
        startCursor: page.changes[0]?.position ?? null,
        endCursor: page.endCursor,
      },
    };
  }

  @ResolveField(() => RecordInterface)
  async record(@Parent() change: Change): Promise<RecordInterface> {
    return toRecordModel(await this.reads.record(change.recordId));
  }
}

function toChange(entry: RecordChangeEntry): Change {
  const { changedFields, ...rest } = entry;
  return {
    ...rest,
    recordedAt: new Date(entry.recordedAt),
    countries: [...entry.countries],
    countriesRemoved: [...entry.countriesRemoved],
    ...(changedFields ? { changedFields: [...changedFields] } : {}),
  };
}
