import type { DecisionContext } from '../shared/decider.js';
import { InvalidReferenceError, ValidationFailedError } from '../shared/errors.js';
import { isAbsent, parseEnum, parseLabel, parseOptionalId } from '../shared/fields.js';
import { type Occurred, parseOccurred } from '../shared/occurred.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';
import { requireActor, requireReference } from '../shared/references.js';

/** OFFICIAL: claimed by the government concerned; INDEPENDENT: by anyone else (UN, researchers, press). */
export const FIGURE_PROVENANCES = ['OFFICIAL', 'INDEPENDENT'] as const;
export type FigureProvenance = (typeof FIGURE_PROVENANCES)[number];

/** "nearly 100,000" is APPROXIMATE; "more than 18,000" is AT_LEAST. */
export const FIGURE_QUALIFIERS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

/**
 * A quantitative claim about the one SCOPE country. `occurred` is when the claim was made; `period` is
 * what the value covers ("since 2021", "in 2024"). Read models put OFFICIAL and INDEPENDENT figures of one
 * `indicator` side by side; `disputes` points at the figure this one contradicts.
 */
export interface FigureFields extends RecordBase {
  /** A stable label to group by: "websites shut down", "people trafficked into scam compounds". */
  readonly indicator: string;
  readonly value: number;
  /** "websites", "persons", "USD per year". */
  readonly unit: string;
  readonly qualifier: FigureQualifier;
  readonly period?: Occurred;
  /** Who claims it: "Cambodian government", "UN Human Rights Office". */
  readonly claimant: string;
  /** The claimant as an ACTOR record, when there is one. */
  readonly claimantId?: string;
  readonly provenance: FigureProvenance;
  readonly disputes?: string;
}

export const FIGURE_ROLES: RolePolicy = {
  allowed: ['SCOPE', 'MENTIONED'],
  required: [{ roles: ['SCOPE'], min: 1, max: 1 }],
};

export const FIGURE_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'indicator',
  'value',
  'unit',
  'qualifier',
  'period',
  'claimant',
  'claimantId',
  'provenance',
  'disputes',
] as const;

/** `current`: the record being corrected, if any (its id, and its fields to skip unchanged look-ups). */
export function parseFigureFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  current?: { readonly recordId: string; readonly fields: FigureFields },
): FigureFields {
  const base = parseRecordBase(input, context, FIGURE_ROLES);
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    throw new ValidationFailedError('value must be a finite number', 'value');
  }
  const disputes = parseOptionalId(input.disputes, 'disputes');
  if (disputes !== undefined && disputes === current?.recordId) {
    throw new InvalidReferenceError('a figure cannot dispute itself', 'disputes');
  }
  if (disputes !== undefined && disputes !== current?.fields.disputes) {
    requireReference(context, disputes, 'disputes', ['FIGURE']);
  }
  const period = isAbsent(input.period) ? undefined : parseOccurred(input.period, 'period');
  const claimantId = parseOptionalId(input.claimantId, 'claimantId');
  if (claimantId !== undefined && claimantId !== current?.fields.claimantId) {
    requireActor(context, claimantId, 'claimantId');
  }
  return {
    ...base,
    indicator: parseLabel(input.indicator, 'indicator'),
    value: input.value,
    unit: parseLabel(input.unit, 'unit'),
    qualifier: isAbsent(input.qualifier)
      ? 'EXACT'
      : parseEnum(input.qualifier, FIGURE_QUALIFIERS, 'qualifier'),
    ...(period === undefined ? {} : { period }),
    claimant: parseLabel(input.claimant, 'claimant'),
    ...(claimantId === undefined ? {} : { claimantId }),
    provenance: parseEnum(input.provenance, FIGURE_PROVENANCES, 'provenance'),
    ...(disputes === undefined ? {} : { disputes }),
  };
}
