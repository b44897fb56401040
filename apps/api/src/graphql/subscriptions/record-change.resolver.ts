import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordKind as RecordKindValue } from '@tracker/domain';
import { RecordKind } from '../common/domain-enums.js';
import { RecordLookup } from '../records/record-lookup.js';
import { RecordInterface } from '../records/record.types.js';
import { countryFilter, recordChangeMatches } from './change-filters.js';
import { CHANGE_TOPICS } from './change-topics.js';
import { listen, type SubscriptionContext } from './subscription-started.js';
import { RecordChange } from './record-change.type.js';

interface RecordChangedArgs {
  countries?: string[] | null;
  kinds?: RecordKindValue[] | null;
}

@Resolver(() => RecordChange)
export class RecordChangeResolver {
  constructor(@Inject(RecordLookup) private readonly lookup: RecordLookup) {}

  @Subscription(() => RecordChange, {
    description:
      'Every record created or changed that concerns one of `countries` (omitted: any) and is of one of `kinds` (omitted: any), once the read model holds it.',
    filter: (payload: { recordChanged: RecordChange }, args: RecordChangedArgs) =>
      recordChangeMatches(payload.recordChanged, args),
  })
  recordChanged(
    @Args('countries', { type: () => [String], nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
    countries: string[] | null,
    @Args('kinds', { type: () => [RecordKind], nullable: true }) _kinds: RecordKindValue[] | null,
    @Context() context: SubscriptionContext,
  ) {
    countryFilter(countries);
    return listen(context, CHANGE_TOPICS.recordChanged, 'recordChanged');
  }

  @ResolveField(() => RecordInterface, {
    nullable: true,
    description: 'The record as projected when this change is delivered (it may include later changes).',
  })
  record(@Parent() change: Pick<RecordChange, 'recordId' | 'position'>): Promise<RecordInterface> {
    return this.lookup.forChange(change.recordId, change.position);
  }
}
