import type { DecisionContext } from '../shared/decider.js';
import { parseLabel, parseLabels, parseText } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

/** A body created by one or more ACTING countries (a joint task force has several); `occurred` is its creation. */
export interface TaskForceFields extends RecordBase {
  readonly name: string;
  readonly mandate: string;
  /** "Ministry of Interior", "National Police": at least one. */
  readonly memberAgencies: readonly string[];
}

export const TASK_FORCE_ROLES: RolePolicy = {
  allowed: ['ACTING', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1 }],
};

export const TASK_FORCE_CORRECTABLE_FIELDS = [...BASE_FIELDS, 'name', 'mandate', 'memberAgencies'] as const;

export function parseTaskForceFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
): TaskForceFields {
  return {
    ...parseRecordBase(input, context, TASK_FORCE_ROLES),
    name: parseLabel(input.name, 'name'),
    mandate: parseText(input.mandate, 'mandate'),
    memberAgencies: parseLabels(input.memberAgencies, 'memberAgencies', 1),
  };
}
