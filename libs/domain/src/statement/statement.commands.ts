import type { CreateCommand } from '../shared/record-decider.js';
import type { StatementFields } from './statement.fields.js';

export type RecordStatement = CreateCommand<'RecordStatement', StatementFields>;

/** A statement is recorded once; commitments made in it point to it by `statementId`. */
export type StatementCommand = RecordStatement;
