import type { DecisionContext } from '../shared/decider.js';
import { DeadlineBeforeMadeError, ValidationFailedError } from '../shared/errors.js';
import { isAbsent, parseLabel, parseOptionalId, parseText } from '../shared/fields.js';
import { type PartialDate, parsePartialDate, partialEndDay, startDay } from '../shared/occurred.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';
import { requireReference } from '../shared/references.js';

/**
 * A pledge by one or more SIGNATORY countries (a joint declaration is one commitment; each signatory gets
 * its own implementation status). Made at a meeting (`meetingId`) or in a statement (`statementId`):
 * exactly one of the two.
 */
export interface CommitmentFields extends RecordBase {
  readonly text: string;
  /** Free label, e.g. "online scams", "human trafficking"; filterable as given. */
  readonly theme: string;
  readonly meetingId?: string;
  readonly statementId?: string;
  /** When it should be done; overdue once its last day has passed. Not before the day it was made. */
  readonly deadline?: PartialDate;
}

export const COMMITMENT_ROLES: RolePolicy = {
  allowed: ['SIGNATORY', 'MENTIONED'],
  required: [{ roles: ['SIGNATORY'], min: 1 }],
};

export const COMMITMENT_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'text',
  'theme',
  'meetingId',
  'statementId',
  'deadline',
] as const;

export function parseCommitmentFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  current?: CommitmentFields,
): CommitmentFields {
  const base = parseRecordBase(input, context, COMMITMENT_ROLES);
  const meetingId = parseOptionalId(input.meetingId, 'meetingId');
  const statementId = parseOptionalId(input.statementId, 'statementId');
  if ((meetingId === undefined) === (statementId === undefined)) {
    throw new ValidationFailedError(
      'a commitment is made at a meeting or in a statement: give exactly one of meetingId, statementId',
      meetingId === undefined ? 'meetingId' : 'statementId',
    );
  }
  // A correction that keeps the reference needs no fresh look-up (the application did not make one).
  if (meetingId !== undefined && meetingId !== current?.meetingId) {
    requireReference(context, meetingId, 'meetingId', ['MEETING']);
  }
  if (statementId !== undefined && statementId !== current?.statementId) {
    requireReference(context, statementId, 'statementId', ['STATEMENT']);
  }
  const deadline = isAbsent(input.deadline) ? undefined : parsePartialDate(input.deadline, 'deadline');
  if (deadline !== undefined && partialEndDay(deadline) < startDay(base.occurred)) {
    throw new DeadlineBeforeMadeError(
      `deadline ${deadline.date} ends before the commitment was made (${startDay(base.occurred)})`,
      'deadline',
    );
  }
  return {
    ...base,
    text: parseText(input.text, 'text'),
    theme: parseLabel(input.theme, 'theme'),
    ...(meetingId === undefined ? {} : { meetingId }),
    ...(statementId === undefined ? {} : { statementId }),
    ...(deadline === undefined ? {} : { deadline }),
  };
}
