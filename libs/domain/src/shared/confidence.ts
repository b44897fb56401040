import { parseEnum } from './fields.js';

/**
 * How sure the tracker is of a record:
 * - REPORTED: one source;
 * - CORROBORATED: two or more independent sources;
 * - OFFICIAL_CLAIM: the acting government's own statement;
 * - DISPUTED: sources disagree.
 * It is the editor's judgement, recorded as given: two URLs may still be one source reprinted.
 */
export const CONFIDENCE_LEVELS = ['REPORTED', 'CORROBORATED', 'OFFICIAL_CLAIM', 'DISPUTED'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export function parseConfidence(value: unknown, field = 'confidence'): Confidence {
  return parseEnum(value, CONFIDENCE_LEVELS, field);
}
