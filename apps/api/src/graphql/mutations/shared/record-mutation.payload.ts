import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RecordKind } from '@tracker/domain';
import { RecordKind as RecordKindEnum } from '@tracker/mutation-inputs';

/**
 * What every mutation answers, once the local read model holds its write: the record as projected (from
 * the read side), the position of the append, and whether an earlier attempt with the same
 * idempotency key had already recorded it.
 */
@ObjectType({ description: 'The outcome of a mutation, answered once the read model holds it.' })
export class RecordMutationPayload {
  @Field(() => ID)
  recordId: string;

  @Field(() => RecordKindEnum)
  kind: RecordKind;

  @Field({
    description:
      'Where the append landed in the global order (opaque; compare as strings). For a no-op, where the record already stood.',
  })
  position: string;

  @Field({
    description: 'True when an earlier request with the same idempotencyKey had already recorded this.',
  })
  replayed: boolean;

  @Field(() => Int, { description: 'How many events the command appended (0 for a no-op or a replay).' })
  eventCount: number;

  @Field({
    description:
      'True when the change is recorded (durable, at `position`) but the read model could not take it in yet (it is failing; see /health): `record` is then null, and reads show the change once it recovers. Do not send the change again.',
  })
  readModelBehind: boolean;
}
