import type { CountryCode } from '../shared/country.js';
import { type IsoDay, type PartialDate, partialEndDay } from '../shared/occurred.js';
import { isLive } from '../shared/record-decider.js';
import type { Assessment } from './commitment.events.js';
import type { CommitmentState, MadeCommitment } from './commitment.decider.js';
import { signatoriesOf } from './commitment.decider.js';
import type { ImplementationStatus } from './implementation.js';

/*
 * Answers derived from a commitment's state, never stored: a read model computes the same from its
 * columns (deadline's last day, each signatory's status) with these functions as the reference.
 */

/** The last day a deadline allows: `2025` → `2025-12-31`. */
export function deadlineDay(deadline: PartialDate): IsoDay {
  return partialEndDay(deadline);
}

/** domain.md: overdue = the deadline has passed and implementation is not COMPLETE. */
export function isOverdueStatus(
  deadline: PartialDate | undefined,
  implementation: ImplementationStatus,
  today: IsoDay,
): boolean {
  return deadline !== undefined && today > deadlineDay(deadline) && implementation !== 'COMPLETE';
}

/**
 * Is the commitment overdue for `country` (a signatory), or, without a country, for any signatory?
 * Absent and retracted commitments are never overdue: they are out of every tally.
 */
export function isOverdue(commitment: CommitmentState, today: IsoDay, country?: CountryCode): boolean {
  if (!isLive(commitment)) return false;
  const { deadline } = commitment.fields;
  const countries = country === undefined ? signatoriesOf(commitment.fields) : [country];
  return countries.some((code) => {
    const status = commitment.implementation[code];
    return status !== undefined && isOverdueStatus(deadline, status, today);
  });
}

/**
 * The assessments that count: the latest per assessor (case-insensitive) and per signatory assessed,
 * by `assessedOn`, the later-recorded winning a tie. Every other one stays in `assessments`.
 */
export function latestAssessments(assessments: readonly Assessment[]): Assessment[] {
  const latest = new Map<string, Assessment>();
  for (const assessment of assessments) {
    const key = `${assessment.assessor.toLowerCase()}\u0000${assessment.country ?? ''}`;
    const current = latest.get(key);
    if (current === undefined || assessment.assessedOn >= current.assessedOn) latest.set(key, assessment);
  }
  return [...latest.values()];
}

/**
 * domain.md: the automatic LIMITED is derived. It holds while at least one live SUPPORTS link for that
 * signatory exists: a signatory set LIMITED by evidence (not by a reviewer) whose every supporting record
 * has since been retracted is NO_EVIDENCE again. Unlinking is decided in the commitment's own stream; a
 * retraction happens in the evidence's, so read models apply it with this, given which records stand.
 */
export function derivedImplementation(
  commitment: MadeCommitment,
  isStanding: (recordId: string) => boolean,
): Readonly<Record<CountryCode, ImplementationStatus>> {
  let implementation = commitment.implementation;
  for (const country of commitment.automatic ?? []) {
    if (implementation[country] !== 'LIMITED') continue;
    const supported = commitment.evidence.some(
      (link) =>
        link.relation === 'SUPPORTS' && link.countries.includes(country) && isStanding(link.evidenceId),
    );
    if (!supported) implementation = { ...implementation, [country]: 'NO_EVIDENCE' };
  }
  return implementation;
}

/** The records a commitment's automatic LIMITED rests on: what `derivedImplementation` asks about. */
export function supportingEvidence(commitment: MadeCommitment): string[] {
  if ((commitment.automatic ?? []).length === 0) return [];
  return commitment.evidence.filter((link) => link.relation === 'SUPPORTS').map((link) => link.evidenceId);
}

/** One signatory's own row of a joint commitment. */
export interface SignatoryView {
  readonly country: CountryCode;
  readonly implementation: ImplementationStatus;
  readonly overdue: boolean;
  /** Latest assessments about this signatory or about the commitment as a whole. */
  readonly assessments: readonly Assessment[];
}

export function signatoryViews(commitment: MadeCommitment, today: IsoDay): SignatoryView[] {
  const latest = latestAssessments(commitment.assessments);
  return signatoriesOf(commitment.fields).map((country) => {
    const implementation = commitment.implementation[country] ?? 'NO_EVIDENCE';
    return {
      country,
      implementation,
      overdue: isOverdueStatus(commitment.fields.deadline, implementation, today),
      assessments: latest.filter((a) => a.country === undefined || a.country === country),
    };
  });
}
