import type { DomainEvent } from '../shared/decider.js';
import type { PartialDate } from '../shared/occurred.js';
import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { Source } from '../shared/source.js';
import type { TaskForceFields } from './task-force.fields.js';

/** Created, and active from `occurred` on. */
export type TaskForceCreated = CreatedEvent<'TaskForceCreated', TaskForceFields>;

export interface Dissolution {
  readonly on: PartialDate;
  readonly reason?: string;
  readonly sources: readonly Source[];
}

export type TaskForceDissolved = DomainEvent<
  'TaskForceDissolved',
  { readonly recordId: string } & Dissolution
>;

export type TaskForceEvent =
  TaskForceCreated | TaskForceDissolved | CommonRecordEvent<'TASK_FORCE', TaskForceFields>;
