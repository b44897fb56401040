import type { DomainCommand } from '../shared/decider.js';
import type { PartialDate } from '../shared/occurred.js';
import type { CreateCommand } from '../shared/record-decider.js';
import type { Source } from '../shared/source.js';
import type { TaskForceFields } from './task-force.fields.js';

export type CreateTaskForce = CreateCommand<'CreateTaskForce', TaskForceFields>;

export interface DissolveTaskForce extends DomainCommand<'DissolveTaskForce'> {
  /** Not before its creation, not after today. */
  readonly on: PartialDate;
  readonly reason?: string | null;
  readonly sources: readonly Source[];
}

export type TaskForceCommand = CreateTaskForce | DissolveTaskForce;
