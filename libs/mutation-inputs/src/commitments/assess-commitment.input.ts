import { Field, ID, InputType } from '@nestjs/graphql';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus as Status } from '@tracker/domain';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ImplementationStatus } from '../enums/domain-enums.js';
import { CountryCode, Label, Sources, Text } from '../shared/field-rules.decorators.js';
import { DAY_PATTERN } from '../shared/input-limits.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({
  description: "A reviewer's rating of a commitment's implementation, with a rationale and sources.",
})
export class AssessCommitmentInput extends RecordTargetInput {
  @Label({ description: 'Who assesses: "Human Rights Watch", "UN Human Rights Office".' })
  assessor: string;

  @Field(() => ID, { nullable: true, description: 'The assessor as an ACTOR record.' })
  @IsOptional()
  @IsUUID('all')
  assessorId?: string;

  @Field({ nullable: true, description: 'A signatory (ISO code); omit to assess the commitment as a whole.' })
  @IsOptional()
  @CountryCode()
  country?: string;

  @Field(() => ImplementationStatus)
  @IsIn(IMPLEMENTATION_STATUSES)
  rating: Status;

  @Text()
  rationale: string;

  @Field(() => [SourceInput])
  @Sources()
  sources: SourceInput[];

  @Field({ description: 'YYYY-MM-DD; not before the commitment was made, not after today.' })
  @Matches(DAY_PATTERN, { message: '$property must be a day written YYYY-MM-DD' })
  assessedOn: string;
}
