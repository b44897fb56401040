import type { DecisionContext } from '../shared/decider.js';
import { parseCount, parseEnum, parseLabel, parseList } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

export const SHUTDOWN_TARGETS = ['WEBSITES', 'PLATFORMS', 'APPS', 'ACCOUNTS'] as const;
export type ShutdownTarget = (typeof SHUTDOWN_TARGETS)[number];

export const SHUTDOWN_ACTIONS = ['BLOCKED', 'CLOSED'] as const;
export type ShutdownAction = (typeof SHUTDOWN_ACTIONS)[number];

export const SHUTDOWN_CATEGORIES = ['GAMBLING', 'SCAM', 'FRAUD', 'OTHER'] as const;
export type ShutdownCategory = (typeof SHUTDOWN_CATEGORIES)[number];

/**
 * Websites or platforms blocked or closed by one ACTING country. The period they were shut in is the
 * record's `occurred` (a range for "since 2021"): "websites shut down by period" reads it.
 */
export interface ShutdownFields extends RecordBase {
  readonly count: number;
  readonly target: ShutdownTarget;
  readonly action: ShutdownAction;
  /** At least one, each once. */
  readonly categories: readonly ShutdownCategory[];
  /** "Ministry of Post and Telecommunications". */
  readonly authority: string;
}

export const SHUTDOWN_ROLES: RolePolicy = {
  allowed: ['ACTING', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1, max: 1 }],
};

export const SHUTDOWN_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'count',
  'target',
  'action',
  'categories',
  'authority',
] as const;

export function parseShutdownFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
): ShutdownFields {
  const categories = parseList(
    input.categories,
    'categories',
    (v, f) => parseEnum(v, SHUTDOWN_CATEGORIES, f),
    1,
  );
  return {
    ...parseRecordBase(input, context, SHUTDOWN_ROLES),
    count: parseCount(input.count, 'count', 1),
    target: parseEnum(input.target, SHUTDOWN_TARGETS, 'target'),
    action: parseEnum(input.action, SHUTDOWN_ACTIONS, 'action'),
    categories: [...new Set(categories)],
    authority: parseLabel(input.authority, 'authority'),
  };
}
