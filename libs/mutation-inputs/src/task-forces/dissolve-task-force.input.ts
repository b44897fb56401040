import { InputType } from '@nestjs/graphql';
import { OptionalText } from '../shared/field-rules.decorators.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'A task force is dissolved; not before its creation, not after today.' })
export class DissolveTaskForceInput extends RecordStepInput implements CommandInput {
  @OptionalText()
  reason?: string;

  toCommand(): RecordCommandInput {
    return commandOf('DissolveTaskForce', this);
  }
}
