import { InputType } from '@nestjs/graphql';
import { OptionalText } from '../shared/field-rules.decorators.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'Released on bail, with the conditions if known.' })
export class ReleaseDetentionOnBailInput extends RecordStepInput {
  @OptionalText()
  conditions?: string;
}
