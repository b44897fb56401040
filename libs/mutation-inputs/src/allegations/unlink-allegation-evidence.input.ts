import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Text } from '../shared/field-rules.decorators.js';
import { RecordTargetInput } from '../shared/record-target.input.js';

@InputType({ description: 'Removes an evidence link from an allegation, saying why.' })
export class UnlinkAllegationEvidenceInput extends RecordTargetInput {
  @Field(() => ID)
  @IsUUID('all')
  evidenceId: string;

  @Text()
  reason: string;
}
