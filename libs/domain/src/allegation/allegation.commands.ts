import type { DomainCommand } from '../shared/decider.js';
import type { CreateCommand } from '../shared/record-decider.js';
import type { Source } from '../shared/source.js';
import type { AllegationEvidenceRelation } from './allegation-status.js';
import type { AllegationFields } from './allegation.fields.js';

export type RecordAllegation = CreateCommand<'RecordAllegation', AllegationFields>;

/** A record that bears on the allegation: a denial by those accused, a corroboration, a refutation. */
export interface LinkAllegationEvidence extends DomainCommand<'LinkAllegationEvidence'> {
  /** Must be in the context's records. */
  readonly evidenceId: string;
  readonly relation: AllegationEvidenceRelation;
  readonly note?: string | null;
  readonly sources?: readonly Source[] | null;
}

export interface UnlinkAllegationEvidence extends DomainCommand<'UnlinkAllegationEvidence'> {
  readonly evidenceId: string;
  readonly reason: string;
}

export type AllegationCommand = RecordAllegation | LinkAllegationEvidence | UnlinkAllegationEvidence;
