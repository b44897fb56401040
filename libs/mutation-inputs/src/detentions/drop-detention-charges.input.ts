import { InputType } from '@nestjs/graphql';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { DetentionStepInput } from './detention-step.input.js';

@InputType({ description: 'The charges are dropped.' })
export class DropDetentionChargesInput extends DetentionStepInput implements CommandInput {
  toCommand(): RecordCommandInput {
    return commandOf('DropDetentionCharges', this);
  }
}
