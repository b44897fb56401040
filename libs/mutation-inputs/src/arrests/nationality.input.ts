import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max } from 'class-validator';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { CountryCode } from '../shared/field-rules.decorators.js';

@InputType({ description: 'How many of the persons arrested were nationals of a country.' })
export class NationalityInput {
  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  @CountryCode()
  country: string;

  @Field(() => Int, { description: 'At least 1.' })
  @IsInt()
  @Max(INPUT_LIMITS.count)
  count: number;
}
