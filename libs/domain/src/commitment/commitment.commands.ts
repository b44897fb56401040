import type { CountryCode } from '../shared/country.js';
import type { DomainCommand } from '../shared/decider.js';
import type { IsoDay } from '../shared/occurred.js';
import type { CreateCommand } from '../shared/record-decider.js';
import type { Source } from '../shared/source.js';
import type { CommitmentFields } from './commitment.fields.js';
import type { EvidenceRelation, ImplementationStatus } from './implementation.js';

/** `meetingId` / `statementId` must be in the context's records (see `referencedRecordIds`). */
export type MakeCommitment = CreateCommand<'MakeCommitment', CommitmentFields>;

export interface AssessCommitment extends DomainCommand<'AssessCommitment'> {
  /** UUID from the application layer. */
  readonly assessmentId: string;
  readonly assessor: string;
  readonly assessorId?: string | null;
  /** A signatory; omit to assess the commitment as a whole. */
  readonly country?: CountryCode | null;
  readonly rating: ImplementationStatus;
  readonly rationale: string;
  readonly sources: readonly Source[];
  /** Not before the commitment was made, not after today. */
  readonly assessedOn: IsoDay;
}

export interface LinkEvidence extends DomainCommand<'LinkEvidence'> {
  /** Must be in the context's records. */
  readonly evidenceId: string;
  readonly relation: EvidenceRelation;
  /**
   * Signatories the evidence concerns. Omitted: the signatories among the evidence record's countries,
   * or every signatory if none is.
   */
  readonly countries?: readonly CountryCode[] | null;
  readonly note?: string | null;
  readonly sources?: readonly Source[] | null;
}

export interface UnlinkEvidence extends DomainCommand<'UnlinkEvidence'> {
  readonly evidenceId: string;
  readonly reason: string;
}

export interface SetImplementationStatus extends DomainCommand<'SetImplementationStatus'> {
  readonly status: ImplementationStatus;
  /** Signatories to set; omitted: every signatory. */
  readonly countries?: readonly CountryCode[] | null;
  readonly reason: string;
  readonly sources: readonly Source[];
  /** An assessment of this commitment the editor relied on. */
  readonly assessmentId?: string | null;
}

export type CommitmentCommand =
  MakeCommitment | AssessCommitment | LinkEvidence | UnlinkEvidence | SetImplementationStatus;
