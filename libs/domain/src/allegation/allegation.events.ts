import type { DomainEvent } from '../shared/decider.js';
import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { Source } from '../shared/source.js';
import type { AllegationEvidenceRelation } from './allegation-status.js';
import type { AllegationFields } from './allegation.fields.js';

export type AllegationRecorded = CreatedEvent<'AllegationRecorded', AllegationFields>;

export interface AllegationEvidenceLink {
  readonly evidenceId: string;
  readonly relation: AllegationEvidenceRelation;
  readonly note?: string;
  readonly sources: readonly Source[];
}

export type AllegationEvidenceLinked = DomainEvent<
  'AllegationEvidenceLinked',
  { readonly recordId: string } & AllegationEvidenceLink
>;

export type AllegationEvidenceUnlinked = DomainEvent<
  'AllegationEvidenceUnlinked',
  { readonly recordId: string; readonly evidenceId: string; readonly reason: string }
>;

export type AllegationLifecycleEvent = AllegationEvidenceLinked | AllegationEvidenceUnlinked;

export type AllegationEvent =
  AllegationRecorded | AllegationLifecycleEvent | CommonRecordEvent<'ALLEGATION', AllegationFields>;
