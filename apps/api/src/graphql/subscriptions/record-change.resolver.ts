import { Inject } from '@nestjs/common';
import { Args, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordKind as RecordKindValue } from '@tracker/domain';
import { RecordKind } from '@tracker/mutation-inputs';
import { RecordLookup } from '../records/record-lookup.js';
import { RecordInterface } from '../records/record.types.js';
import { ChangeDispatcher } from './change-dispatcher.js';
import { actorFilter, countryFilter, MAX_FILTER_ACTORS } from './change-filters.js';
import { ReadQueries } from '@tracker/read-models';
import { CHANGE_TOPICS } from './change-topics.js';
import { RecordChange } from './record-change.type.js';

@Resolver(() => RecordChange)
export class RecordChangeResolver {
  constructor(
    @Inject(RecordLookup) private readonly lookup: RecordLookup,
    @Inject(ChangeDispatcher) private readonly dispatcher: ChangeDispatcher,
    @Inject(ReadQueries) private readonly reads: ReadQueries,
  ) {}

  @Subscription(() => RecordChange, {
    description:
      'Every record created or changed that concerns one of `countries` (omitted: any) and is of one of `kinds` (omitted: any), once the read model holds it.',
  })
  recordChanged(
    @Args('countries', { type: () => [String], nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
    countries: string[] | null,
    @Args('kinds', { type: () => [RecordKind], nullable: true }) kinds: RecordKindValue[] | null,
    @Args('actors', {
      type: () => [ID],
      nullable: true,
      description: `Only changes of records that name one of these actors (or of the actors themselves); at most ${MAX_FILTER_ACTORS}. A merged actor follows the one it was merged into.`,
    })
    actors: string[] | null,
  ) {
    // Parsed once here, for every subscriber of this selection (SharedExecutions); the dispatcher then
    // wakes it only for what it follows.
    const filter = {
      countries: countryFilter(countries),
      kinds: kinds?.length ? new Set(kinds) : undefined,
      actors: actorFilter(actors, this.reads),
    };
    return this.dispatcher.listen(CHANGE_TOPICS.recordChanged, filter);
  }

  @ResolveField(() => RecordInterface, {
    nullable: true,
    description: 'The record as projected when this change is delivered (it may include later changes).',
  })
  record(@Parent() change: Pick<RecordChange, 'recordId' | 'position'>): Promise<RecordInterface> {
    return this.lookup.forChange(change.recordId, change.position);
  }
}
