/**
 * OGP-style implementation scale. NO_EVIDENCE is where every signatory starts; the first SUPPORTS evidence
 * link moves it to LIMITED; anything else is set by an editor citing sources (often after an assessment).
 */
export const IMPLEMENTATION_STATUSES = [
  'NO_EVIDENCE',
  'NOT_STARTED',
  'LIMITED',
  'SUBSTANTIAL',
  'COMPLETE',
  'WITHDRAWN',
] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** SUPPORTS: an action that fulfils the commitment. CONTRADICTS: one that works against it. */
export const EVIDENCE_RELATIONS = ['SUPPORTS', 'CONTRADICTS'] as const;
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number];
