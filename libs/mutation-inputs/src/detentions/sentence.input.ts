import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional } from 'class-validator';
import { Text } from '../shared/field-rules.decorators.js';

@InputType({ description: 'A sentence as reported.' })
export class SentenceInput {
  @Text({ description: '"two years in prison, suspended", "fine of 4 million riel".' })
  description: string;

  @Field({ description: 'Does it keep the person in custody (prison, not suspended)?' })
  @IsBoolean()
  custodial: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  months?: number;
}
