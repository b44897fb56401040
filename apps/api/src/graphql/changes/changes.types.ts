import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RecordKind as RecordKindValue } from '@tracker/domain';
import type { ChangeType as ChangeTypeValue } from '@tracker/read-models';
import { RecordKind } from '@tracker/mutation-inputs';
import { PageInfo } from '../records/connection.types.js';
import { RecordInterface } from '../records/record.types.js';
import { KindsAndCountriesFilter } from '../records/records.types.js';

export const ChangeType = {
  CREATED: 'CREATED',
  CORRECTED: 'CORRECTED',
  RETRACTED: 'RETRACTED',
  REINSTATED: 'REINSTATED',
  RETRACTION_CORRECTED: 'RETRACTION_CORRECTED',
  STATUS_CHANGED: 'STATUS_CHANGED',
  UPDATED: 'UPDATED',
} as const satisfies { [K in ChangeTypeValue]: K };

registerEnumType(ChangeType, {
  name: 'ChangeType',
  description: 'What a change did to its record.',
  valuesMap: {
    CREATED: { description: 'The record was recorded.' },
    CORRECTED: { description: 'Fields were corrected: changedFields, and reason.' },
    RETRACTED: { description: 'Retracted (reason): it leaves every tally but stays readable.' },
    REINSTATED: { description: 'Its retraction was undone.' },
    RETRACTION_CORRECTED: { description: 'The retraction stands, with a corrected reason.' },
    STATUS_CHANGED: { description: "A commitment signatory's implementation status was set." },
    UPDATED: { description: 'Any other step of its lifecycle (eventType says which).' },
  },
});

@ObjectType({ description: 'One record change, in store order.' })
export class Change {
  @Field({ description: "The store position of the change: the feed's cursor." })
  position: string;

  @Field(() => ID)
  recordId: string;

  @Field(() => RecordKind)
  kind: RecordKindValue;

  @Field(() => ChangeType)
  change: ChangeTypeValue;

  @Field({ description: 'The event type, e.g. DetentionCharged.' })
  eventType: string;

  @Field()
  recordedAt: Date;

  @Field({ nullable: true })
  actor?: string;

  @Field({ nullable: true, description: "A correction's or a retraction's reason." })
  reason?: string;

  @Field(() => [String], { nullable: true, description: "A correction's changed fields." })
  changedFields?: string[];

  @Field(() => [String], { description: 'The countries the record involves after the change.' })
  countries: string[];

  @Field(() => [String], { description: 'The countries it left with this change.' })
  countriesRemoved: string[];

  @Field(() => RecordInterface, {
    description: 'The record as it stands now (a mirror stores this); history(recordId) has each step.',
  })
  record?: RecordInterface;
}

@ObjectType()
export class ChangeEdge {
  @Field({ description: "The change's position." })
  cursor: string;

  @Field(() => Change)
  node: Change;
}

@ObjectType({
  description:
    'A page of changes. Keep pageInfo.endCursor and pass it as `after` next time: it moves on even when a ' +
    'filter matched nothing in the stretch looked at (hasNextPage then says there is more to look at).',
})
export class ChangeConnection {
  @Field(() => [ChangeEdge])
  edges: ChangeEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({
  description:
    'Which changes; every condition given must hold. A change counts for a country the record involves ' +
    'after it, or left with it.',
})
export class ChangeFilterInput extends KindsAndCountriesFilter {}
