/** The kinds of record. In a file of its own, so that what needs only the kinds imports nothing else. */
export const RECORD_KINDS = [
  'MEETING',
  'COMMITMENT',
  'TASK_FORCE',
  'ARREST',
  'DETENTION',
  'SHUTDOWN',
  'FIGURE',
  'STATEMENT',
  'ACTOR',
  'ALLEGATION',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
