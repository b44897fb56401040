import { Field, InputType } from '@nestjs/graphql';
import { Labels } from '../shared/field-rules.decorators.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'The detained are charged (DETAINED → CHARGED); charges add to those known.' })
export class ChargeDetentionInput extends RecordStepInput implements CommandInput {
  @Field(() => [String])
  @Labels()
  charges: string[];

  toCommand(): RecordCommandInput {
    return commandOf('ChargeDetention', this);
  }
}
