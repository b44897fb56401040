import { Field, InputType } from '@nestjs/graphql';
import { DATE_PRECISIONS, type PartialDate } from '@tracker/domain';
import { IsIn, Matches, MaxLength } from 'class-validator';
import { DatePrecision } from '../enums/domain-enums.js';
import { PARTIAL_DATE_PATTERN } from './input-limits.js';

@InputType({
  description: 'A date as precise as the source: DAY `2025-02-06`, MONTH `2025-02`, YEAR `2025`.',
})
export class PartialDateInput {
  @Field({ description: 'Written to its precision: `2025-02-06`, `2025-02` or `2025`.' })
  @MaxLength(10)
  @Matches(PARTIAL_DATE_PATTERN, { message: '$property must be written YYYY, YYYY-MM or YYYY-MM-DD' })
  date: string;

  @Field(() => DatePrecision)
  @IsIn(DATE_PRECISIONS)
  precision: PartialDate['precision'];
}
