import { Field, InputType } from '@nestjs/graphql';
import { Text } from '../shared/field-rules.decorators.js';
import type { CommandInput, RecordCommandInput } from '../shared/record-command.js';
import { RecordTargetInput } from '../shared/record-target.input.js';

@InputType({ description: 'Retracts a record: it stays visible to audits, hidden from tallies.' })
export class RetractRecordInput extends RecordTargetInput implements CommandInput {
  @Field()
  @Text()
  reason: string;

  toCommand(): RecordCommandInput {
    return { type: 'RetractRecord', recordId: this.recordId, reason: this.reason } as RecordCommandInput;
  }
}
