import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { FIGURE_PROVENANCES, FIGURE_QUALIFIERS, type FigureFields } from '@tracker/domain';
import { IsIn, IsNumber, IsOptional, IsUUID } from 'class-validator';
import { FigureProvenance, FigureQualifier } from '../enums/domain-enums.js';
import { Label, Nested } from '../shared/field-rules.decorators.js';
import { OccurredInput } from '../shared/occurred.input.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({
  description:
    'A quantitative claim about the one SCOPE country: `occurred` is when it was claimed, `period` what it covers.',
})
export class ReportFigureInput extends RecordFieldsInput {
  @Label({ description: 'A stable label to group by: "websites shut down".' })
  indicator: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Label({ description: '"websites", "persons", "USD per year".' })
  unit: string;

  @Field(() => FigureQualifier, { nullable: true, description: 'Default EXACT.' })
  @IsOptional()
  @IsIn(FIGURE_QUALIFIERS)
  qualifier?: FigureFields['qualifier'];

  @Field(() => OccurredInput, { nullable: true, description: 'What the value covers: "since 2021".' })
  @IsOptional()
  @Nested(() => OccurredInput)
  period?: OccurredInput;

  @Label({ description: 'Who claims it: "Cambodian government", "UN Human Rights Office".' })
  claimant: string;

  @Field(() => ID, { nullable: true, description: 'The claimant as an ACTOR record.' })
  @IsOptional()
  @IsUUID('all')
  claimantId?: string;

  @Field(() => FigureProvenance)
  @IsIn(FIGURE_PROVENANCES)
  provenance: FigureFields['provenance'];

  @Field(() => ID, { nullable: true, description: 'The FIGURE record this one contradicts.' })
  @IsOptional()
  @IsUUID('all')
  disputes?: string;
}
