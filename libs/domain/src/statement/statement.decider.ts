import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import {
  parseStatementFields,
  STATEMENT_CORRECTABLE_FIELDS,
  type StatementFields,
} from './statement.fields.js';

export interface RecordedStatement extends LiveRecord<StatementFields> {
  readonly status: 'recorded';
}

export type StatementState = RecordState<RecordedStatement>;

export const statementDecider = recordDecider<
  'STATEMENT',
  StatementFields,
  RecordedStatement,
  'RecordStatement',
  'StatementRecorded',
  never,
  never
>({
  kind: 'STATEMENT',
  createCommand: 'RecordStatement',
  createdEvent: 'StatementRecorded',
  commands: [],
  correctable: STATEMENT_CORRECTABLE_FIELDS,
  parseFields: (input, context) => parseStatementFields(input, context),
  born: (recordId, fields) => ({ status: 'recorded', recordId, fields }),
  decide: (command: never) => command,
  evolve: (live) => live,
});
