import type { DecisionContext } from '../shared/decider.js';
import { parseLabel, parseOptionalLabel, parseText } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

/** An official statement or speech, by an official of the one ACTING country; its date is `occurred`. */
export interface StatementFields extends RecordBase {
  readonly speaker: string;
  /** "Prime Minister of Cambodia". */
  readonly office: string;
  /** Verbatim (or as translated by the source). */
  readonly quote: string;
  readonly venue?: string;
}

export const STATEMENT_ROLES: RolePolicy = {
  allowed: ['ACTING', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1, max: 1 }],
};

export const STATEMENT_CORRECTABLE_FIELDS = [...BASE_FIELDS, 'speaker', 'office', 'quote', 'venue'] as const;

export function parseStatementFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
): StatementFields {
  const venue = parseOptionalLabel(input.venue, 'venue');
  return {
    ...parseRecordBase(input, context, STATEMENT_ROLES),
    speaker: parseLabel(input.speaker, 'speaker'),
    office: parseLabel(input.office, 'office'),
    quote: parseText(input.quote, 'quote'),
    ...(venue === undefined ? {} : { venue }),
  };
}
