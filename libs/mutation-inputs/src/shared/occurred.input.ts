import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { DATE_PRECISIONS, type Occurred, type PartialDate } from '@tracker/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { DatePrecision } from '../enums/domain-enums.js';
import { RefuseIf } from '../validation/refuse-if.validator.js';
import { PARTIAL_DATE_PATTERN } from './input-limits.js';
import { PartialDateInput } from './partial-date.input.js';

const hasDate = (o: OccurredInput) => o.date != null || o.precision != null;
const hasRange = (o: OccurredInput) => o.from != null || o.to != null;
const SHAPE = 'give either date and precision, or a range from and to';

/** `from` or `to`: each required once the other is given (and no single date is). */
const RangeEnd = (description: string) =>
  applyDecorators(
    Field(() => PartialDateInput, { nullable: true, description }),
    ValidateIf((o: OccurredInput) => hasRange(o) && !hasDate(o)),
    IsDefined({ message: 'a range needs both from and to' }),
    ValidateNested(),
    Type(() => PartialDateInput),
  );

/**
 * When something happened: `{ date, precision }` ("February 2025"), or `{ from, to }` ("since 2021 until
 * January 2025"). GraphQL has no input unions, so both shapes share one type and exactly one must be used.
 */
@InputType({ description: 'Either `date` + `precision`, or a range `from` + `to`.' })
export class OccurredInput {
  @Field({ nullable: true, description: '`2025-02-06`, `2025-02` or `2025`, per `precision`.' })
  @ValidateIf((o: OccurredInput) => hasDate(o) || !hasRange(o))
  @IsDefined({ message: SHAPE })
  @RefuseIf(hasRange, SHAPE)
  @MaxLength(10)
  @Matches(PARTIAL_DATE_PATTERN, { message: '$property must be written YYYY, YYYY-MM or YYYY-MM-DD' })
  date?: string;

  @Field(() => DatePrecision, { nullable: true })
  @ValidateIf(hasDate)
  @IsDefined({ message: 'precision is required with date' })
  @IsIn(DATE_PRECISIONS)
  precision?: PartialDate['precision'];

  @RangeEnd('Start of a range.')
  from?: PartialDateInput;

  @RangeEnd('End of a range.')
  to?: PartialDateInput;

  toDomain(): Occurred {
    if (this.from && this.to) return { type: 'RANGE', from: dateOf(this.from), to: dateOf(this.to) };
    return { type: 'DATE', date: this.date!, precision: this.precision! };
  }
}

const dateOf = ({ date, precision }: PartialDateInput): PartialDate => ({ date, precision });
