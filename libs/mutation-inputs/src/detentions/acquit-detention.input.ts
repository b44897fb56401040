import { InputType } from '@nestjs/graphql';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'Acquitted: final.' })
export class AcquitDetentionInput extends RecordStepInput implements CommandInput {
  toCommand(): RecordCommandInput {
    return commandOf('AcquitDetention', this);
  }
}
