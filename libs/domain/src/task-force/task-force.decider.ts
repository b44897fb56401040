import type { DecisionContext } from '../shared/decider.js';
import { InvalidTransitionError } from '../shared/errors.js';
import { parseOptionalText } from '../shared/fields.js';
import { parseStepDate, partialStartDay, startDay } from '../shared/occurred.js';
import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { parseSources } from '../shared/source.js';
import type { DissolveTaskForce } from './task-force.commands.js';
import type { Dissolution, TaskForceDissolved } from './task-force.events.js';
import {
  parseTaskForceFields,
  TASK_FORCE_CORRECTABLE_FIELDS,
  type TaskForceFields,
} from './task-force.fields.js';

export interface ActiveTaskForce extends LiveRecord<TaskForceFields> {
  readonly status: 'active';
}

export interface DissolvedTaskForce extends LiveRecord<TaskForceFields> {
  readonly status: 'dissolved';
  readonly dissolution: Dissolution;
}

export type TaskForceLive = ActiveTaskForce | DissolvedTaskForce;
export type TaskForceState = RecordState<TaskForceLive>;

function dissolve(
  command: DissolveTaskForce,
  live: TaskForceLive,
  context: DecisionContext,
): TaskForceDissolved[] {
  if (live.status === 'dissolved') {
    throw new InvalidTransitionError(`task force ${live.recordId} is already dissolved`, 'recordId');
  }
  const on = parseStepDate(command.on, 'on', startDay(live.fields.occurred), context.today);
  const reason = parseOptionalText(command.reason, 'reason');
  const sources = parseSources(command.sources, 'sources');
  return [
    {
      type: 'TaskForceDissolved',
      data: { recordId: live.recordId, on, ...(reason === undefined ? {} : { reason }), sources },
    },
  ];
}

export const taskForceDecider = recordDecider<
  'TASK_FORCE',
  TaskForceFields,
  TaskForceLive,
  'CreateTaskForce',
  'TaskForceCreated',
  DissolveTaskForce,
  TaskForceDissolved
>({
  kind: 'TASK_FORCE',
  createCommand: 'CreateTaskForce',
  createdEvent: 'TaskForceCreated',
  commands: ['DissolveTaskForce'],
  correctable: TASK_FORCE_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) => parseTaskForceFields(input, context, current),
  born: (recordId, fields) => ({ status: 'active', recordId, fields }),
  decide: dissolve,
  evolve: (live, event) => {
    const { recordId: _recordId, ...dissolution } = event.data;
    const lastStepDay = partialStartDay(dissolution.on);
    return { status: 'dissolved', recordId: live.recordId, fields: live.fields, dissolution, lastStepDay };
  },
});
