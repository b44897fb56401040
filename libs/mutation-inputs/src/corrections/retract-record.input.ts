import { InputType } from '@nestjs/graphql';
import { Text } from '../shared/field-rules.decorators.js';
import { RecordTargetInput } from '../shared/record-target.input.js';

@InputType({ description: 'Retracts a record: it stays visible to audits, hidden from tallies.' })
export class RetractRecordInput extends RecordTargetInput {
  @Text()
  reason: string;
}
