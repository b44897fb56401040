import type { DecisionContext } from '../shared/decider.js';
import { ValidationFailedError } from '../shared/errors.js';
import { parseId, parseLabel, parseLabels, parseList, parseText } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';
import { requireActor } from '../shared/references.js';

/** A body created by one or more ACTING countries (a joint task force has several); `occurred` is its creation. */
export interface TaskForceFields extends RecordBase {
  readonly name: string;
  readonly mandate: string;
  /** "Ministry of Interior", "National Police": at least one. */
  readonly memberAgencies: readonly string[];
  /** Member agencies as ACTOR records, where they are recorded. */
  readonly memberAgencyIds?: readonly string[];
}

export const TASK_FORCE_ROLES: RolePolicy = {
  allowed: ['ACTING', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1 }],
};

export const TASK_FORCE_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'name',
  'mandate',
  'memberAgencies',
  'memberAgencyIds',
] as const;

export function parseTaskForceFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  current?: { readonly fields: TaskForceFields },
): TaskForceFields {
  const memberAgencies = parseLabels(input.memberAgencies, 'memberAgencies', 1);
  const ids = [...new Set(parseList(input.memberAgencyIds, 'memberAgencyIds', parseId))];
  if (ids.length > memberAgencies.length) {
    throw new ValidationFailedError('memberAgencyIds: at most one per member agency', 'memberAgencyIds');
  }
  ids.forEach((id, i) => {
    if (!current?.fields.memberAgencyIds?.includes(id)) requireActor(context, id, `memberAgencyIds[${i}]`);
  });
  return {
    ...parseRecordBase(input, context, TASK_FORCE_ROLES),
    name: parseLabel(input.name, 'name'),
    mandate: parseText(input.mandate, 'mandate'),
    memberAgencies,
    ...(ids.length === 0 ? {} : { memberAgencyIds: ids }),
  };
}
