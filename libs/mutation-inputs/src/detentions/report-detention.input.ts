import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { NestedList, OptionalLabel, OptionalLabels, Text } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';
import { DetainedPersonInput } from './detained-person.input.js';

@InputType({
  description:
    'Journalists or human-rights defenders detained together by one ACTING country. A sentence comes later, with convictDetention.',
})
export class ReportDetentionInput extends RecordFieldsInput {
  @Field(() => [DetainedPersonInput], { description: 'At least one.' })
  @NestedList(() => DetainedPersonInput)
  persons: DetainedPersonInput[];

  @OptionalLabel()
  outlet?: string;

  @Field(() => ID, { nullable: true, description: 'The outlet as an ACTOR record.' })
  @IsOptional()
  @IsUUID('all')
  outletId?: string;

  @Text({ description: 'Why they were detained, as reported.' })
  reason: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Charges known at detention; more come with chargeDetention.',
  })
  @OptionalLabels()
  charges?: string[];
}
