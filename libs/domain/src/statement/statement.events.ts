import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { StatementFields } from './statement.fields.js';

export type StatementRecorded = CreatedEvent<'StatementRecorded', StatementFields>;

export type StatementEvent = StatementRecorded | CommonRecordEvent<'STATEMENT', StatementFields>;
