import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ImplementationStatus as Status } from '@tracker/domain';
import { ImplementationStatus } from '@tracker/mutation-inputs';

@ObjectType({ description: "A commitment's implementation status changed for some of its signatories." })
export class CommitmentStatusChange {
  @Field(() => ID)
  recordId: string;

  @Field(() => [String], { description: 'The signatories (ISO codes) whose status changed.' })
  countries: string[];

  @Field(() => ImplementationStatus)
  from: Status;

  @Field(() => ImplementationStatus)
  to: Status;

  @Field({ description: 'Position of the change in the global order (opaque; compare as strings).' })
  position: string;

  @Field({ description: 'The event recorded: ImplementationStatusSet...' })
  eventType: string;
}
