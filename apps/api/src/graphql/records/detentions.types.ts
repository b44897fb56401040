import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Connection } from './connection.types.js';
import { DetentionRecord } from './record.types.js';

@ObjectType({ description: 'A page of detention cases, newest first.' })
export class DetentionConnection extends Connection(DetentionRecord, 'Detention') {}

@InputType({ description: 'Which detention cases (retracted ones are never listed here).' })
export class DetentionFilterInput {
  @Field(() => [String], { nullable: true, description: 'The detaining (ACTING) countries, ISO codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @IsString({ each: true })
  @MaxLength(2, { each: true })
  countries?: string[];

  @Field({
    nullable: true,
    description: 'true: persons in custody now (or as of asOf); false: no longer in custody.',
  })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}
