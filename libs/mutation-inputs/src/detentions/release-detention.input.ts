import { InputType } from '@nestjs/graphql';
import { OptionalText } from '../shared/field-rules.decorators.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'Released (without bail), with the reason if known.' })
export class ReleaseDetentionInput extends RecordStepInput implements CommandInput {
  @OptionalText()
  reason?: string;

  toCommand(): RecordCommandInput {
    return commandOf('ReleaseDetention', this);
  }
}
