/** How a linked record bears on an allegation. */
export const ALLEGATION_EVIDENCE_RELATIONS = ['DENIES', 'CORROBORATES', 'REFUTES'] as const;
export type AllegationEvidenceRelation = (typeof ALLEGATION_EVIDENCE_RELATIONS)[number];

/** Where an allegation stands, from its linked evidence. */
export const ALLEGATION_STATUSES = ['ALLEGED', 'DENIED', 'CORROBORATED', 'REFUTED'] as const;
export type AllegationStatus = (typeof ALLEGATION_STATUSES)[number];

/**
 * An allegation's status from the relations of its live links: refuted by any refutation, else
 * corroborated by any corroboration, else denied by any denial (a denial alone settles nothing), else
 * alleged. Derived, never set by hand, so unlinking a record moves it back.
 */
export function allegationStatus(relations: readonly AllegationEvidenceRelation[]): AllegationStatus {
  if (relations.includes('REFUTES')) return 'REFUTED';
  if (relations.includes('CORROBORATES')) return 'CORROBORATED';
  if (relations.includes('DENIES')) return 'DENIED';
  return 'ALLEGED';
}
