import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Label, Nested, Text } from '../shared/field-rules.decorators.js';
import { PartialDateInput } from '../shared/partial-date.input.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({
  description:
    'A pledge by one or more SIGNATORY countries, made at a meeting (meetingId) or in a statement (statementId): exactly one.',
})
export class MakeCommitmentInput extends RecordFieldsInput {
  @Text()
  text: string;

  @Label({ description: 'Free label, e.g. "online scams"; filterable as given.' })
  theme: string;

  @Field(() => ID, { nullable: true, description: 'The MEETING record it was made at.' })
  @IsOptional()
  @IsUUID('all')
  meetingId?: string;

  @Field(() => ID, { nullable: true, description: 'The STATEMENT record it was made in.' })
  @IsOptional()
  @IsUUID('all')
  statementId?: string;

  @Field(() => PartialDateInput, { nullable: true, description: 'When it should be done.' })
  @IsOptional()
  @Nested(() => PartialDateInput)
  deadline?: PartialDateInput;
}
