import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { OptionalCountryCodes } from '../validation/country-codes-filter.decorator.js';
import { Connection } from './connection.types.js';
import { DetentionRecord } from './record.types.js';

@ObjectType({ description: 'A page of detention cases, newest first.' })
export class DetentionConnection extends Connection(DetentionRecord, 'Detention') {}

@InputType({ description: 'Which detention cases (retracted ones are never listed here).' })
export class DetentionFilterInput {
  @Field(() => [String], { nullable: true, description: 'The detaining (ACTING) countries, ISO codes.' })
  @OptionalCountryCodes()
  countries?: string[];

  @Field({
    nullable: true,
    description: 'true: persons in custody now (or as of asOf); false: no longer in custody.',
  })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}
