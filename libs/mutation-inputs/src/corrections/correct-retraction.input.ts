import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { OptionalText, Text } from '../shared/field-rules.decorators.js';
import { RecordTargetInput } from '../shared/record-target.input.js';

@InputType({
  description: 'Corrects a retraction: undo it (reinstate: true), or replace its reason (retractionReason).',
})
export class CorrectRetractionInput extends RecordTargetInput {
  @Text()
  reason: string;

  @Field()
  @IsBoolean()
  reinstate: boolean;

  @OptionalText({ description: 'Required when reinstate is false.' })
  retractionReason?: string;
}
