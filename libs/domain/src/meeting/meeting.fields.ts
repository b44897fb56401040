import type { DecisionContext } from '../shared/decider.js';
import { parseLabel, parseLabels, parseOptionalLabel, parseOptionalText } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

/** A multilateral meeting. Countries: HOST(s) and PARTICIPANTs (at least one of them), any MENTIONED. */
export interface MeetingFields extends RecordBase {
  readonly title: string;
  readonly place?: string;
  /** Participating bodies that are not countries: "UNODC", "Mekong-Lancang Cooperation". */
  readonly bodies: readonly string[];
  readonly outcomeSummary?: string;
}

export const MEETING_ROLES: RolePolicy = {
  allowed: ['HOST', 'PARTICIPANT', 'MENTIONED'],
  required: [{ roles: ['HOST', 'PARTICIPANT'], min: 1 }],
};

export const MEETING_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'title',
  'place',
  'bodies',
  'outcomeSummary',
] as const;

export function parseMeetingFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
): MeetingFields {
  const base = parseRecordBase(input, context, MEETING_ROLES);
  const place = parseOptionalLabel(input.place, 'place');
  const outcomeSummary = parseOptionalText(input.outcomeSummary, 'outcomeSummary');
  return {
    ...base,
    title: parseLabel(input.title, 'title'),
    ...(place === undefined ? {} : { place }),
    bodies: parseLabels(input.bodies, 'bodies'),
    ...(outcomeSummary === undefined ? {} : { outcomeSummary }),
  };
}
