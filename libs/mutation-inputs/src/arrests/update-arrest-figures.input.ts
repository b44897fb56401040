import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max } from 'class-validator';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'Later figures of an arrest: at least one, each at most the persons arrested.' })
export class UpdateArrestFiguresInput extends RecordStepInput {
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
}
