import { Field, ID, InputType } from '@nestjs/graphql';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus as Status } from '@tracker/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ImplementationStatus } from '../enums/domain-enums.js';
import { CountryCode, Sources, Text } from '../shared/field-rules.decorators.js';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({ description: "An editor sets a commitment's implementation status, citing sources." })
export class SetImplementationStatusInput extends RecordTargetInput {
  @Field(() => ImplementationStatus)
  @IsIn(IMPLEMENTATION_STATUSES)
  status: Status;

  @Field(() => [String], { nullable: true, description: 'Signatories to set (ISO codes); omitted: all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.countries)
  @CountryCode({ each: true })
  countries?: string[];

  @Text()
  reason: string;

  @Field(() => [SourceInput])
  @Sources()
  sources: SourceInput[];

  @Field(() => ID, { nullable: true, description: 'An assessment of this commitment the editor relied on.' })
  @IsOptional()
  @IsUUID('all')
  assessmentId?: string;
}
