import type { RecordState } from '../shared/record-decider.js';
import { settledRecordDecider, type SettledRecord } from '../shared/settled-record-decider.js';
import { parseShutdownFields, SHUTDOWN_CORRECTABLE_FIELDS, type ShutdownFields } from './shutdown.fields.js';

export type ReportedShutdown = SettledRecord<ShutdownFields, 'reported'>;

export type ShutdownState = RecordState<ReportedShutdown>;

export const shutdownDecider = settledRecordDecider({
  kind: 'SHUTDOWN',
  createCommand: 'ReportShutdown',
  createdEvent: 'ShutdownReported',
  status: 'reported',
  correctable: SHUTDOWN_CORRECTABLE_FIELDS,
  parseFields: (input, context): ShutdownFields => parseShutdownFields(input, context),
});
