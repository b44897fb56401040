import { Field, ID, InputType } from '@nestjs/graphql';
import { ALLEGATION_EVIDENCE_RELATIONS, type AllegationEvidenceRelation as Relation } from '@tracker/domain';
import { IsIn, IsUUID } from 'class-validator';
import { AllegationEvidenceRelation } from '../enums/domain-enums.js';
import { OptionalSources, OptionalText } from '../shared/field-rules.decorators.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({
  description:
    "Links a record to an allegation (recordId): a denial by those accused, a corroboration, a refutation. The allegation's status follows its links.",
})
export class LinkAllegationEvidenceInput extends RecordTargetInput {
  @Field(() => ID, { description: 'The record that bears on it (a statement, a figure, an arrest...).' })
  @IsUUID('all')
  evidenceId: string;

  @Field(() => AllegationEvidenceRelation)
  @IsIn(ALLEGATION_EVIDENCE_RELATIONS)
  relation: Relation;

  @OptionalText()
  note?: string;

  @Field(() => [SourceInput], { nullable: true })
  @OptionalSources()
  sources?: SourceInput[];
}
