import { Field, InputType } from '@nestjs/graphql';
import { Label, OptionalLabel, OptionalLabels, OptionalText } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({ description: 'A multilateral meeting. Countries: HOST(s) and PARTICIPANTs, any MENTIONED.' })
export class RecordMeetingInput extends RecordFieldsInput {
  @Label()
  title: string;

  @OptionalLabel()
  place?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Participating bodies that are not countries: "UNODC", "Mekong-Lancang Cooperation".',
  })
  @OptionalLabels()
  bodies?: string[];

  @OptionalText()
  outcomeSummary?: string;
}
