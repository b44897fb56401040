import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { RecordLookup } from '../records/record-lookup.js';
import { RecordInterface } from '../records/record.types.js';
import { ChangeDispatcher } from './change-dispatcher.js';
import { countryFilter } from './change-filters.js';
import { CHANGE_TOPICS } from './change-topics.js';
import { CommitmentStatusChange } from './commitment-status-change.type.js';

@Resolver(() => CommitmentStatusChange)
export class CommitmentStatusChangeResolver {
  constructor(
    @Inject(RecordLookup) private readonly lookup: RecordLookup,
    @Inject(ChangeDispatcher) private readonly dispatcher: ChangeDispatcher,
  ) {}

  @Subscription(() => CommitmentStatusChange, {
    description:
      "Every change of a commitment's implementation status for a signatory among `countries` (omitted: any), once the read model holds it.",
  })
  commitmentStatusChanged(
    @Args('countries', { type: () => [String], nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
    countries: string[] | null,
  ) {
    return this.dispatcher.listen(CHANGE_TOPICS.commitmentStatusChanged, {
      countries: countryFilter(countries),
    });
  }

  @ResolveField(() => RecordInterface, {
    nullable: true,
    description: 'The commitment as projected when this change is delivered.',
  })
  record(@Parent() change: Pick<CommitmentStatusChange, 'recordId' | 'position'>): Promise<RecordInterface> {
    return this.lookup.forChange(change.recordId, change.position);
  }
}
