import type { CountryCode } from '../shared/country.js';
import type { DomainEvent } from '../shared/decider.js';
import type { IsoDay } from '../shared/occurred.js';
import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { RecordKind } from '../shared/record.js';
import type { Source } from '../shared/source.js';
import type { CommitmentFields } from './commitment.fields.js';
import type { EvidenceRelation, ImplementationStatus } from './implementation.js';

/** Every SIGNATORY starts at NO_EVIDENCE; no separate status event is emitted for that. */
export type CommitmentMade = CreatedEvent<'CommitmentMade', CommitmentFields>;

export interface Assessment {
  readonly assessmentId: string;
  /** Who rates: "Human Rights Watch", "UN Human Rights Office". The latest per assessor (and country) counts. */
  readonly assessor: string;
  /** The assessor as an ACTOR record, when there is one. */
  readonly assessorId?: string;
  /** The signatory assessed; absent when the assessment is about the commitment as a whole. */
  readonly country?: CountryCode;
  readonly rating: ImplementationStatus;
  readonly rationale: string;
  readonly sources: readonly Source[];
  readonly assessedOn: IsoDay;
}

/** Every assessment is kept, disagreeing ones included. */
export type CommitmentAssessed = DomainEvent<
  'CommitmentAssessed',
  { readonly recordId: string } & Assessment
>;

export interface EvidenceLink {
  /** The action record linked (any kind but COMMITMENT). */
  readonly evidenceId: string;
  readonly evidenceKind: RecordKind;
  readonly relation: EvidenceRelation;
  /** The signatories the evidence is about (never empty). */
  readonly countries: readonly CountryCode[];
  readonly note?: string;
  readonly sources?: readonly Source[];
}

export type EvidenceLinked = DomainEvent<'EvidenceLinked', { readonly recordId: string } & EvidenceLink>;

/** A link made in error. The implementation statuses it moved stay as they are until set explicitly. */
export type EvidenceUnlinked = DomainEvent<
  'EvidenceUnlinked',
  { readonly recordId: string; readonly evidenceId: string; readonly reason: string }
>;

/**
 * One signatory's implementation status changed. Emitted once per signatory, so a per-country read model
 * and the `commitmentStatusChanged` subscription see each country's change on its own.
 * `cause`: EVIDENCE when a SUPPORTS link moved NO_EVIDENCE to LIMITED (`evidenceId` says which);
 * EDITORIAL when set by an editor (`reason`, `sources`, and optionally the `assessmentId` relied on).
 */
export type ImplementationStatusSet = DomainEvent<
  'ImplementationStatusSet',
  {
    readonly recordId: string;
    readonly country: CountryCode;
    readonly status: ImplementationStatus;
    readonly previous: ImplementationStatus;
    readonly cause: 'EVIDENCE' | 'EDITORIAL';
    readonly evidenceId?: string;
    readonly assessmentId?: string;
    readonly reason?: string;
    readonly sources?: readonly Source[];
  }
>;

export type CommitmentEvent =
  | CommitmentMade
  | CommitmentAssessed
  | EvidenceLinked
  | EvidenceUnlinked
  | ImplementationStatusSet
  | CommonRecordEvent<'COMMITMENT', CommitmentFields>;
