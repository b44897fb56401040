import { Field, InputType } from '@nestjs/graphql';
import { Label, OptionalLabel, OptionalLabels, OptionalText } from '../shared/field-rules.decorators.js';
import { present, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({ description: 'A multilateral meeting. Countries: HOST(s) and PARTICIPANTs, any MENTIONED.' })
export class RecordMeetingInput extends RecordFieldsInput implements CommandInput {
  @Field()
  @Label()
  title: string;

  @Field({ nullable: true })
  @OptionalLabel()
  place?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Participating bodies that are not countries: "UNODC", "Mekong-Lancang Cooperation".',
  })
  @OptionalLabels()
  bodies?: string[];

  @Field({ nullable: true })
  @OptionalText()
  outcomeSummary?: string;

  toCommand(): RecordCommandInput {
    return {
      type: 'RecordMeeting',
      ...this.baseFields(),
      ...present({ title: this.title, place: this.place, outcomeSummary: this.outcomeSummary }),
      bodies: this.bodies ?? [],
    } as RecordCommandInput;
  }
}
