import { Field, ID, InputType } from '@nestjs/graphql';
import { EVIDENCE_RELATIONS, type EvidenceRelation as Relation } from '@tracker/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { EvidenceRelation } from '../enums/domain-enums.js';
import { CountryCode, OptionalSources, OptionalText } from '../shared/field-rules.decorators.js';
import { INPUT_LIMITS } from '../shared/input-limits.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({
  description:
    'Connects a commitment (recordId) to an action record: SUPPORTS moves NO_EVIDENCE to LIMITED; CONTRADICTS works against it.',
})
export class LinkEvidenceInput extends RecordTargetInput {
  @Field(() => ID, { description: 'The action record (task force, arrest, detention...).' })
  @IsUUID('all')
  evidenceId: string;

  @Field(() => EvidenceRelation)
  @IsIn(EVIDENCE_RELATIONS)
  relation: Relation;

  @Field(() => [String], {
    nullable: true,
    description:
      "Signatories it concerns (ISO codes). Omitted: the signatories among the evidence record's countries, or all.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.countries)
  @CountryCode({ each: true })
  countries?: string[];

  @OptionalText()
  note?: string;

  @Field(() => [SourceInput], { nullable: true })
  @OptionalSources()
  sources?: SourceInput[];
}
