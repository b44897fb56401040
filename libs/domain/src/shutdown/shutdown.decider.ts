import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { parseShutdownFields, SHUTDOWN_CORRECTABLE_FIELDS, type ShutdownFields } from './shutdown.fields.js';

export interface ReportedShutdown extends LiveRecord<ShutdownFields> {
  readonly status: 'reported';
}

export type ShutdownState = RecordState<ReportedShutdown>;

export const shutdownDecider = recordDecider<
  'SHUTDOWN',
  ShutdownFields,
  ReportedShutdown,
  'ReportShutdown',
  'ShutdownReported',
  never,
  never
>({
  kind: 'SHUTDOWN',
  createCommand: 'ReportShutdown',
  createdEvent: 'ShutdownReported',
  commands: [],
  correctable: SHUTDOWN_CORRECTABLE_FIELDS,
  parseFields: (input, context) => parseShutdownFields(input, context),
  born: (recordId, fields) => ({ status: 'reported', recordId, fields }),
  decide: (command: never) => command,
  evolve: (live) => live,
});
