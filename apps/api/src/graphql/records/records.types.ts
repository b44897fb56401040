import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { RECORD_KINDS, type RecordKind as RecordKindValue } from '@tracker/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { RecordKind } from '@tracker/mutation-inputs';
import { OptionalCountryCodes } from '../validation/country-codes-filter.decorator.js';
import { Connection } from './connection.types.js';
import { RecordInterface } from './record.types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType({ description: 'A page of records, newest first by occurrence.' })
export class RecordConnection extends Connection(RecordInterface, 'Record') {}

/** The kinds and countries every record filter has (records, changes). */
@InputType({ isAbstract: true })
export abstract class KindsAndCountriesFilter {
  @Field(() => [RecordKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECORD_KINDS.length)
  @IsIn(RECORD_KINDS, { each: true })
  kinds?: RecordKindValue[];

  @Field(() => [String], {
    nullable: true,
    description: 'ISO codes; a record involving any of them (any role).',
  })
  @OptionalCountryCodes()
  countries?: string[];
}

@InputType({ description: 'Which records; every condition given must hold.' })
export class RecordFilterInput extends KindsAndCountriesFilter {
  @Field({ nullable: true, description: 'YYYY-MM-DD: records whose occurrence reaches this day or later.' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: records whose occurrence starts this day or earlier.' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to?: string;

  @Field({ nullable: true, description: 'true: only retracted records; false: only standing ones.' })
  @IsOptional()
  @IsBoolean()
  retracted?: boolean;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Records that name one of these actors (as speaker, claimant, assessor, member, outlet, or in an allegation); at most 20.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  actors?: string[];
}
