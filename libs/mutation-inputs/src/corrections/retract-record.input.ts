import { InputType } from '@nestjs/graphql';
import { Text } from '../shared/field-rules.decorators.js';
import { commandOf, type CommandInput, type RecordCommandInput } from '../shared/record-command.js';
import { RecordTargetInput } from '../shared/record-target.input.js';

@InputType({ description: 'Retracts a record: it stays visible to audits, hidden from tallies.' })
export class RetractRecordInput extends RecordTargetInput implements CommandInput {
  @Text()
  reason: string;

  toCommand(): RecordCommandInput {
    return commandOf('RetractRecord', this);
  }
}
