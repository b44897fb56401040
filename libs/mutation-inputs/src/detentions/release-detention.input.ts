import { Field, InputType } from '@nestjs/graphql';
import { OptionalText } from '../shared/field-rules.decorators.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { DetentionStepInput } from './detention-step.input.js';

@InputType({ description: 'Released (without bail), with the reason if known.' })
export class ReleaseDetentionInput extends DetentionStepInput implements CommandInput {
  @Field({ nullable: true })
  @OptionalText()
  reason?: string;

  toCommand(): RecordCommandInput {
    return commandOf('ReleaseDetention', this);
  }
}
