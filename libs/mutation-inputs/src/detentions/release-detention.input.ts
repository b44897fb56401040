import { InputType } from '@nestjs/graphql';
import { OptionalText } from '../shared/field-rules.decorators.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'Released (without bail), with the reason if known.' })
export class ReleaseDetentionInput extends RecordStepInput {
  @OptionalText()
  reason?: string;
}
