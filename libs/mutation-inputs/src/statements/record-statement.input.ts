import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { Label, OptionalLabel, Text } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({
  description:
    "A statement or speech. A state's (an official's, a ministry's) names its one ACTING country; a non-state speaker's (speakerId an NGO, UN body, company, journalist...) needs none.",
})
export class RecordStatementInput extends RecordFieldsInput {
  @Label({ description: 'The speaker as the sources name them.' })
  speaker: string;

  @Field(() => ID, { nullable: true, description: 'The speaker as an ACTOR record.' })
  @IsOptional()
  @IsUUID('all')
  speakerId?: string;

  @Label({ description: '"Prime Minister of Cambodia".' })
  office: string;

  @Text({ description: 'Verbatim (or as translated by the source).' })
  quote: string;

  @OptionalLabel()
  venue?: string;
}
