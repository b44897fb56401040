import { Field, ID, InputType, ObjectType, OmitType } from '@nestjs/graphql';
import {
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus as ImplementationStatusValue,
} from '@tracker/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ImplementationStatus } from '@tracker/mutation-inputs';
import { Connection } from '../records/connection.types.js';
import { CommitmentRecord } from '../records/record.types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType({ description: 'A page of commitments, newest first by when they were made.' })
export class CommitmentConnection extends Connection(CommitmentRecord, 'Commitment') {}

@InputType({
  description:
    'Which commitments. country, implementation and overdue hold for one same signatory (without country: for any signatory).',
})
export class CommitmentFilterInput {
  @Field({ nullable: true, description: 'A signatory, ISO code.' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  country?: string;

  @Field(() => ID, { nullable: true, description: 'Made at this meeting.' })
  @IsOptional()
  @IsUUID()
  meeting?: string;

  @Field(() => ID, { nullable: true, description: 'Made in this statement.' })
  @IsOptional()
  @IsUUID()
  statement?: string;

  @Field(() => ImplementationStatus, { nullable: true })
  @IsOptional()
  @IsIn(IMPLEMENTATION_STATUSES)
  implementation?: ImplementationStatusValue;

  @Field({
    nullable: true,
    description: "Deadline passed and not COMPLETE (derived from today's date), or the opposite.",
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({ nullable: true, description: 'The theme, matched whole and case-insensitively.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  theme?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: made this day or later.' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: made this day or earlier.' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to?: string;

  @Field({
    nullable: true,
    description: 'Retracted commitments leave tallies and lists unless this is true.',
  })
  @IsOptional()
  @IsBoolean()
  includeRetracted?: boolean;
}

@InputType({ description: "Which of a country's commitments (the country is the profile's)." })
export class CountryCommitmentFilterInput extends OmitType(
  CommitmentFilterInput,
  ['country'] as const,
  InputType,
) {}
