import { Field, InputType } from '@nestjs/graphql';
import { Label, Labels, Text } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({ description: 'A body created by one or more ACTING countries; `occurred` is its creation.' })
export class CreateTaskForceInput extends RecordFieldsInput {
  @Label()
  name: string;

  @Text()
  mandate: string;

  @Field(() => [String], { description: '"Ministry of Interior", "National Police": at least one.' })
  @Labels()
  memberAgencies: string[];
}
