import { Field, InputType } from '@nestjs/graphql';
import { Labels } from '../shared/field-rules.decorators.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'The detained are charged (DETAINED → CHARGED); charges add to those known.' })
export class ChargeDetentionInput extends RecordStepInput {
  @Field(() => [String])
  @Labels()
  charges: string[];
}
