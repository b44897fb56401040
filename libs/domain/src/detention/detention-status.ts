/**
 * A detention's lifecycle (domain.md):
 *   DETAINED → CHARGED → RELEASED_ON_BAIL / RELEASED / CONVICTED / ACQUITTED / CHARGES_DROPPED
 * ACQUITTED is final: only corrections (and a retraction) follow. RELEASED and CHARGES_DROPPED accept notes.
 */
export const DETENTION_STATUSES = [
  'DETAINED',
  'CHARGED',
  'RELEASED_ON_BAIL',
  'RELEASED',
  'CONVICTED',
  'ACQUITTED',
  'CHARGES_DROPPED',
] as const;
export type DetentionStatus = (typeof DETENTION_STATUSES)[number];

/** Kinds of note: a published apology is the case in the source article. */
export const DETENTION_NOTE_CATEGORIES = [
  'APOLOGY',
  'APPEAL',
  'TRIAL',
  'HEALTH',
  'PARDON',
  'STATEMENT',
  'OTHER',
] as const;
export type DetentionNoteCategory = (typeof DETENTION_NOTE_CATEGORIES)[number];
