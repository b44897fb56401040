import { InputType } from '@nestjs/graphql';
import { OptionalText } from '../shared/field-rules.decorators.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'A task force is dissolved; not before its creation, not after today.' })
export class DissolveTaskForceInput extends RecordStepInput {
  @OptionalText()
  reason?: string;
}
