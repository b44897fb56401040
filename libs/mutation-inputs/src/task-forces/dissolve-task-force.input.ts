import { Field, InputType } from '@nestjs/graphql';
import { Nested, OptionalText, Sources } from '../shared/field-rules.decorators.js';
import { PartialDateInput } from '../shared/partial-date.input.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({ description: 'A task force is dissolved; not before its creation, not after today.' })
export class DissolveTaskForceInput extends RecordTargetInput implements CommandInput {
  @Field(() => PartialDateInput)
  @Nested(() => PartialDateInput)
  on: PartialDateInput;

  @Field({ nullable: true })
  @OptionalText()
  reason?: string;

  @Field(() => [SourceInput])
  @Sources()
  sources: SourceInput[];

  toCommand(): RecordCommandInput {
    return commandOf('DissolveTaskForce', this);
  }
}
