import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max } from 'class-validator';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { Nested, Sources } from '../shared/field-rules.decorators.js';
import { PartialDateInput } from '../shared/partial-date.input.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({ description: 'Later figures of an arrest: at least one, each at most the persons arrested.' })
export class UpdateArrestFiguresInput extends RecordTargetInput implements CommandInput {
  @Field(() => PartialDateInput)
  @Nested(() => PartialDateInput)
  on: PartialDateInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Max(INPUT_LIMITS.count)
  deported?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Max(INPUT_LIMITS.count)
  prosecuted?: number;

  @Field(() => [SourceInput])
  @Sources()
  sources: SourceInput[];

  toCommand(): RecordCommandInput {
    return commandOf('UpdateArrestFigures', this);
  }
}
