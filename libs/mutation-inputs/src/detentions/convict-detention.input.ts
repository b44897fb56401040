import { Field, InputType } from '@nestjs/graphql';
import { Nested } from '../shared/field-rules.decorators.js';
import { RecordStepInput } from '../shared/record-step.input.js';
import { SentenceInput } from './sentence.input.js';

@InputType({ description: 'Convicted, with the sentence.' })
export class ConvictDetentionInput extends RecordStepInput {
  @Field(() => SentenceInput)
  @Nested(() => SentenceInput)
  sentence: SentenceInput;
}
