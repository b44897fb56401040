import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { RecordKind as RecordKindValue } from '@tracker/domain';
import { RecordKind } from '../common/domain-enums.js';

@ObjectType({ description: 'A record was created or changed, and the read model now holds the change.' })
export class RecordChange {
  @Field(() => ID)
  recordId: string;

  @Field(() => RecordKind)
  kind: RecordKindValue;

  @Field(() => [String], { description: 'ISO codes of every country the record concerns.' })
  countries: string[];

  @Field({ description: 'Position of the change in the global order (opaque; compare as strings).' })
  position: string;

  @Field({ description: 'The event recorded: RecordCorrected, EvidenceLinked, DetentionCharged...' })
  eventType: string;
}
