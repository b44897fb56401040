import { Field, InputType, Int } from '@nestjs/graphql';
import {
  SHUTDOWN_ACTIONS,
  SHUTDOWN_CATEGORIES,
  SHUTDOWN_TARGETS,
  type ShutdownFields,
} from '@tracker/domain';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max } from 'class-validator';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { ShutdownAction, ShutdownCategory, ShutdownTarget } from '../enums/domain-enums.js';
import { Label } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({
  description:
    'Websites or platforms blocked or closed by one ACTING country; the period they were shut in is `occurred` (a range for "since 2021").',
})
export class ReportShutdownInput extends RecordFieldsInput {
  @Field(() => Int, { description: 'At least 1.' })
  @IsInt()
  @Max(INPUT_LIMITS.count)
  count: number;

  @Field(() => ShutdownTarget)
  @IsIn(SHUTDOWN_TARGETS)
  target: ShutdownFields['target'];

  @Field(() => ShutdownAction)
  @IsIn(SHUTDOWN_ACTIONS)
  action: ShutdownFields['action'];

  @Field(() => [ShutdownCategory], { description: 'At least one.' })
  @IsArray()
  @ArrayMaxSize(SHUTDOWN_CATEGORIES.length)
  @IsIn(SHUTDOWN_CATEGORIES, { each: true })
  categories: ShutdownFields['categories'][number][];

  @Label({ description: '"Ministry of Post and Telecommunications".' })
  authority: string;
}
