import type { DomainCommand } from './decider.js';

/*
 * Commands every kind accepts. They name no kind: the record's stream says which decider handles them.
 */

/** Fix some fields of a record. Each changed field is validated as at creation. */
export interface CorrectRecord extends DomainCommand<'CorrectRecord'> {
  /** Field name → new value; only the kind's correctable fields (see each kind's `*_CORRECTABLE_FIELDS`). */
  readonly changes: Readonly<Record<string, unknown>>;
  readonly reason: string;
}

export interface RetractRecord extends DomainCommand<'RetractRecord'> {
  readonly reason: string;
}

/** Correct a retraction: undo it (`reinstate: true`), or replace its reason (`retractionReason`). */
export interface CorrectRetraction extends DomainCommand<'CorrectRetraction'> {
  readonly reason: string;
  readonly reinstate: boolean;
  /** Required when `reinstate` is false. */
  readonly retractionReason?: string | null;
}

export type CommonRecordCommand = CorrectRecord | RetractRecord | CorrectRetraction;

export const COMMON_COMMAND_TYPES = ['CorrectRecord', 'RetractRecord', 'CorrectRetraction'] as const;

export function isCommonRecordCommand(command: { type: string }): command is CommonRecordCommand {
  return (COMMON_COMMAND_TYPES as readonly string[]).includes(command.type);
}
