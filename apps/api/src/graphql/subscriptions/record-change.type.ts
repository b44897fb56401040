import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { RecordKind as RecordKindValue } from '@tracker/domain';
import { RecordKind } from '@tracker/mutation-inputs';

@ObjectType({ description: 'A record was created or changed, and the read model now holds the change.' })
export class RecordChange {
  @Field(() => ID)
  recordId: string;

  @Field(() => RecordKind)
  kind: RecordKindValue;

  @Field(() => [String], { description: 'ISO codes of every country the record concerns after the change.' })
  countries: string[];

  @Field(() => [String], {
    description:
      'Countries the change took the record away from (a correction that removed them): their subscribers hear of it too, since the record left their view.',
  })
  countriesRemoved: string[];

  @Field(() => [ID], {
    description:
      'The actors the record names (before or after the change), by their surviving ids; for an actor, itself.',
  })
  actors: string[];

  @Field({ description: 'Position of the change in the global order (opaque; compare as strings).' })
  position: string;

  @Field({
    description:
      "The event recorded: RecordCorrected, EvidenceLinked, DetentionCharged...; SupportingRecordStandingChanged when a commitment's automatic status moved because a record supporting it was retracted or reinstated.",
  })
  eventType: string;
}
