import type { CreateCommand } from '../shared/record-decider.js';
import type { ShutdownFields } from './shutdown.fields.js';

export type ReportShutdown = CreateCommand<'ReportShutdown', ShutdownFields>;

/** A shutdown is reported once; later numbers are new records or corrections. */
export type ShutdownCommand = ReportShutdown;
