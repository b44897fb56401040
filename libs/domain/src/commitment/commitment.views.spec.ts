import { describe, expect, it } from '@jest/globals';
import type { MadeCommitment } from './commitment.decider.js';
import { derivedImplementation, signatoryViews, supportingEvidence } from './commitment.views.js';

/** A commitment by KH and CN whose KH LIMITED came from evidence (automatic), CN's set by a reviewer. */
const commitment = (over: Partial<Record<keyof MadeCommitment, unknown>> = {}) =>
  ({
    status: 'made',
    recordId: 'c1',
    fields: {
      countries: [
        { code: 'KH', role: 'SIGNATORY' },
        { code: 'CN', role: 'SIGNATORY' },
      ],
      deadline: { date: '2025-12', precision: 'MONTH' },
    },
    implementation: { KH: 'LIMITED', CN: 'LIMITED' },
    automatic: ['KH'],
    assessments: [],
    evidence: [
      { evidenceId: 'supports-kh', relation: 'SUPPORTS', countries: ['KH'] },
      { evidenceId: 'supports-cn', relation: 'SUPPORTS', countries: ['CN'] },
      { evidenceId: 'contradicts-kh', relation: 'CONTRADICTS', countries: ['KH'] },
    ],
    ...over,
  }) as unknown as MadeCommitment;

const standing =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('the automatic LIMITED, derived from the evidence that stands', () => {
  it('holds while a SUPPORTS link for that signatory stands', () => {
    expect(derivedImplementation(commitment(), standing('supports-kh'))).toEqual({
      KH: 'LIMITED',
      CN: 'LIMITED',
    });
  });

  it('falls back to NO_EVIDENCE once none does: not another signatory’s link, not a contradicting one', () => {
    expect(derivedImplementation(commitment(), standing('supports-cn', 'contradicts-kh'))).toEqual({
      KH: 'NO_EVIDENCE',
      CN: 'LIMITED',
    });
  });

  it('leaves alone what a reviewer set, and any status other than LIMITED', () => {
    expect(derivedImplementation(commitment({ automatic: [] }), standing())).toEqual({
      KH: 'LIMITED',
      CN: 'LIMITED',
    });
    expect(
      derivedImplementation(commitment({ implementation: { KH: 'SUBSTANTIAL', CN: 'LIMITED' } }), standing()),
    ).toEqual({
      KH: 'SUBSTANTIAL',
      CN: 'LIMITED',
    });
  });

  it('rests on the SUPPORTS links only, and on none when nothing is automatic', () => {
    expect(supportingEvidence(commitment())).toEqual(['supports-kh', 'supports-cn']);
    expect(supportingEvidence(commitment({ automatic: [] }))).toEqual([]);
    expect(supportingEvidence(commitment({ automatic: undefined }))).toEqual([]);
  });
});

describe('a signatory’s row', () => {
  it('says NO_EVIDENCE for a signatory with no status yet', () => {
    const rows = signatoryViews(commitment({ implementation: { KH: 'LIMITED' } }), '2025-06-01');
    expect(rows.map((row) => [row.country, row.implementation, row.overdue])).toEqual([
      ['KH', 'LIMITED', false],
      ['CN', 'NO_EVIDENCE', false],
    ]);
  });
});
