import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Text } from './field-rules.decorators.js';
import { RecordTargetInput } from './record-target.input.js';

/** Taking a linked record off a record (a commitment, an allegation): which one, and why. */
@InputType({ isAbstract: true })
export abstract class UnlinkEvidenceBaseInput extends RecordTargetInput {
  @Field(() => ID)
  @IsUUID('all')
  evidenceId: string;

  @Text()
  reason: string;
}
