import { InputType } from '@nestjs/graphql';
import { Label, OptionalLabel, Text } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({ description: 'An official statement or speech by an official of the one ACTING country.' })
export class RecordStatementInput extends RecordFieldsInput {
  @Label()
  speaker: string;

  @Label({ description: '"Prime Minister of Cambodia".' })
  office: string;

  @Text({ description: 'Verbatim (or as translated by the source).' })
  quote: string;

  @OptionalLabel()
  venue?: string;
}
