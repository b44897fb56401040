import { Field, InputType } from '@nestjs/graphql';
import { Nested, Text } from '../shared/field-rules.decorators.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { RecordChangesInput } from './record-changes.input.js';

@InputType({ description: 'Fixes fields of a record of any kind; each change is validated as at creation.' })
export class CorrectRecordInput extends RecordTargetInput {
  @Field(() => RecordChangesInput)
  @Nested(() => RecordChangesInput)
  changes: RecordChangesInput;

  @Text({ description: "Why: shown in the record's history." })
  reason: string;
}
