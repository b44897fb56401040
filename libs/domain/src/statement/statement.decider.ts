import type { RecordState } from '../shared/record-decider.js';
import { settledRecordDecider, type SettledRecord } from '../shared/settled-record-decider.js';
import {
  parseStatementFields,
  STATEMENT_CORRECTABLE_FIELDS,
  type StatementFields,
} from './statement.fields.js';

export type RecordedStatement = SettledRecord<StatementFields, 'recorded'>;

export type StatementState = RecordState<RecordedStatement>;

export const statementDecider = settledRecordDecider({
  kind: 'STATEMENT',
  createCommand: 'RecordStatement',
  createdEvent: 'StatementRecorded',
  status: 'recorded',
  correctable: STATEMENT_CORRECTABLE_FIELDS,
  parseFields: (input, context, current): StatementFields => parseStatementFields(input, context, current),
});
