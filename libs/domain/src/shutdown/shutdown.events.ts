import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { ShutdownFields } from './shutdown.fields.js';

export type ShutdownReported = CreatedEvent<'ShutdownReported', ShutdownFields>;

export type ShutdownEvent = ShutdownReported | CommonRecordEvent<'SHUTDOWN', ShutdownFields>;
