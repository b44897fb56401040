import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max } from 'class-validator';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { NestedList, OptionalLabel, OptionalLabels } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';
import { NationalityInput } from './nationality.input.js';

@InputType({
  description:
    'An enforcement operation by one ACTING country. Each nationality is also listed as NATIONALS_AFFECTED.',
})
export class ReportArrestInput extends RecordFieldsInput {
  @Field(() => Int, { description: 'At least 1.' })
  @IsInt()
  @Max(INPUT_LIMITS.count)
  personsArrested: number;

  @Field(() => [NationalityInput], { nullable: true })
  @IsOptional()
  @NestedList(() => NationalityInput)
  nationalities?: NationalityInput[];

  @Field(() => [String], { nullable: true })
  @OptionalLabels()
  charges?: string[];

  @OptionalLabel()
  place?: string;
}
