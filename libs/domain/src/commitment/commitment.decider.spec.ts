import { deciderSpecification } from '../testing/decider-specification.js';
import {
  ARTICLE,
  createCommand,
  createdEvent,
  day,
  fact,
  IDS,
  involved,
  KNOWN_RECORDS,
  SECOND_SOURCE,
} from '../testing/fixtures.js';
import type { AssessCommitment, LinkEvidence, SetImplementationStatus } from './commitment.commands.js';
import { type CommitmentState, commitmentDecider, type MadeCommitment } from './commitment.decider.js';
import type { CommitmentEvent } from './commitment.events.js';
import { isOverdue, latestAssessments, signatoryViews } from './commitment.views.js';

const spec = deciderSpecification(commitmentDecider);
const known = { records: KNOWN_RECORDS };
const made: CommitmentEvent = createdEvent('COMMITMENT');
const id = IDS.commitment;

const assess = (overrides: Partial<Record<keyof AssessCommitment, unknown>> = {}) =>
  ({
    type: 'AssessCommitment',
    recordId: id,
    assessmentId: IDS.assessment1,
    assessor: 'Human Rights Watch',
    rating: 'LIMITED',
    rationale: 'Raids continue but compounds reopen.',
    sources: [SECOND_SOURCE],
    assessedOn: '2025-05-01',
    ...overrides,
  }) as AssessCommitment;

const link = (overrides: Partial<Record<keyof LinkEvidence, unknown>> = {}) =>
  ({
    type: 'LinkEvidence',
    recordId: id,
    evidenceId: IDS.taskForce,
    relation: 'SUPPORTS',
    ...overrides,
  }) as LinkEvidence;

const setStatus = (overrides: Partial<Record<keyof SetImplementationStatus, unknown>> = {}) =>
  ({
    type: 'SetImplementationStatus',
    recordId: id,
    status: 'SUBSTANTIAL',
    reason: 'Most compounds closed per UN monitoring.',
    sources: [SECOND_SOURCE],
    ...overrides,
  }) as SetImplementationStatus;

const assessed = (overrides: Record<string, unknown> = {}): CommitmentEvent =>
  ({
    type: 'CommitmentAssessed',
    data: {
      recordId: id,
      assessmentId: IDS.assessment1,
      assessor: 'Human Rights Watch',
      rating: 'LIMITED',
      rationale: 'Raids continue but compounds reopen.',
      sources: [SECOND_SOURCE],
      assessedOn: '2025-05-01',
      ...overrides,
    },
  }) as CommitmentEvent;

const statusSet = (country: string, status: string, previous: string, more: Record<string, unknown> = {}) =>
  ({
    type: 'ImplementationStatusSet',
    data: { recordId: id, country, status, previous, ...more },
  }) as CommitmentEvent;

const linked = (
  evidenceId: string,
  relation: string,
  countries: string[],
  evidenceKind = 'TASK_FORCE',
  more: Record<string, unknown> = {},
) =>
  ({
    type: 'EvidenceLinked',
    data: { recordId: id, evidenceId, evidenceKind, relation, countries, ...more },
  }) as CommitmentEvent;

const live = (state: CommitmentState) => state as MadeCommitment;

describe('COMMITMENT: making one', () => {
  it('is made at a meeting, each signatory starting at NO_EVIDENCE', () => {
    const state = spec.given([]).when(createCommand('COMMITMENT'), known).then([made]);
    expect(live(state).implementation).toEqual({ KH: 'NO_EVIDENCE', CN: 'NO_EVIDENCE' });
  });

  it('may be made in a statement instead', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT', { meetingId: undefined, statementId: IDS.statement }), known)
      .then([createdEvent('COMMITMENT', { meetingId: undefined, statementId: IDS.statement })].map(json));
  });

  it('is made at a meeting or in a statement, not both, not neither', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT', { statementId: IDS.statement }), known)
      .thenThrows('VALIDATION_FAILED', 'statementId');
    spec
      .given([])
      .when(createCommand('COMMITMENT', { meetingId: null }), known)
      .thenThrows('VALIDATION_FAILED', 'meetingId');
  });

  it('refers only to a meeting that exists, is a meeting, and is not retracted', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT'), { records: {} })
      .thenThrows('UNKNOWN_RECORD', 'meetingId');
    const wrongKind = spec
      .given([])
      .when(createCommand('COMMITMENT'), { records: { [IDS.meeting]: fact('STATEMENT') } })
      .thenThrows('INVALID_REFERENCE', 'meetingId');
    expect(wrongKind.message).toBe(`meetingId: record ${IDS.meeting} is a STATEMENT, not a MEETING`);
    const anArrest = spec
      .given([])
      .when(createCommand('COMMITMENT'), { records: { [IDS.meeting]: fact('ARREST') } })
      .thenThrows('INVALID_REFERENCE', 'meetingId');
    expect(anArrest.message).toBe(`meetingId: record ${IDS.meeting} is an ARREST, not a MEETING`);
    spec
      .given([])
      .when(createCommand('COMMITMENT'), { records: { [IDS.meeting]: fact('MEETING', [], true) } })
      .thenThrows('INVALID_REFERENCE', 'meetingId');
  });

  it('needs a signatory country', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT', { countries: [involved('KH', 'MENTIONED')] }), known)
      .thenThrows('INVALID_COUNTRY', 'countries');
  });

  it('needs a text and a theme', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT', { text: '' }), known)
      .thenThrows('VALIDATION_FAILED', 'text');
    spec
      .given([])
      .when(createCommand('COMMITMENT', { theme: null }), known)
      .thenThrows('VALIDATION_FAILED', 'theme');
  });

  it('has no deadline before the day it was made (DEADLINE_BEFORE_MADE)', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT', { deadline: { date: '2025-01-19', precision: 'DAY' } }), known)
      .thenThrows('DEADLINE_BEFORE_MADE', 'deadline');
    spec
      .given([])
      .when(createCommand('COMMITMENT', { deadline: { date: '2024', precision: 'YEAR' } }), known)
      .thenThrows('DEADLINE_BEFORE_MADE', 'deadline');
  });

  it('accepts a deadline on the day it was made, or in the month it was made', () => {
    for (const deadline of [
      { date: '2025-01-20', precision: 'DAY' },
      { date: '2025-01', precision: 'MONTH' },
    ]) {
      spec
        .given([])
        .when(createCommand('COMMITMENT', { deadline }), known)
        .then([createdEvent('COMMITMENT', { deadline })]);
    }
  });

  it('refuses a deadline that is not a real date', () => {
    spec
      .given([])
      .when(createCommand('COMMITMENT', { deadline: { date: '2025-02-30', precision: 'DAY' } }), known)
      .thenThrows('INVALID_DATE', 'deadline.date');
  });
});

describe('COMMITMENT: corrections', () => {
  const correct = (changes: Record<string, unknown>) =>
    ({ type: 'CorrectRecord', recordId: id, changes, reason: 'Checked' }) as const;

  it('keeps the deadline rule: neither an earlier deadline nor a later making date', () => {
    spec
      .given([made])
      .when(correct({ deadline: { date: '2024-12', precision: 'MONTH' } }))
      .thenThrows('DEADLINE_BEFORE_MADE', 'deadline');
    spec
      .given([made])
      .when(correct({ occurred: day('2026-01-05') }), { today: '2026-02-01' })
      .thenThrows('DEADLINE_BEFORE_MADE', 'deadline');
  });

  it('looks up a changed meeting, but not an unchanged one', () => {
    spec
      .given([made])
      .when(correct({ text: 'Shut down all scam compounds.' }), { records: {} })
      .thenMatches([
        { type: 'RecordCorrected', data: { changes: { text: 'Shut down all scam compounds.' } } },
      ]);
    spec
      .given([made])
      .when(correct({ meetingId: IDS.other }), { records: {} })
      .thenThrows('UNKNOWN_RECORD', 'meetingId');
  });

  it('gives a new signatory its own NO_EVIDENCE status and drops a removed one', () => {
    const state = spec
      .given([
        made,
        statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      ])
      .when(correct({ countries: [involved('KH', 'SIGNATORY'), involved('LA', 'SIGNATORY')] }))
      .thenMatches([{ type: 'RecordCorrected' }]);
    expect(live(state).implementation).toEqual({ KH: 'LIMITED', LA: 'NO_EVIDENCE' });
  });
});

describe('COMMITMENT: assessments', () => {
  it('are recorded with assessor, rating, rationale, sources and date, and change no status', () => {
    const state = spec.given([made]).when(assess()).then([assessed()]);
    expect(live(state).assessments).toHaveLength(1);
    expect(live(state).implementation).toEqual({ KH: 'NO_EVIDENCE', CN: 'NO_EVIDENCE' });
  });

  it('may be about one signatory', () => {
    spec
      .given([made])
      .when(assess({ country: 'kh' }))
      .then([assessed({ country: 'KH' })]);
  });

  it('rate on the implementation scale (INVALID_ASSESSMENT)', () => {
    spec
      .given([made])
      .when(assess({ rating: 'GOOD' }))
      .thenThrows('INVALID_ASSESSMENT', 'rating');
  });

  it('need a rationale and an assessor (INVALID_ASSESSMENT)', () => {
    spec
      .given([made])
      .when(assess({ rationale: ' ' }))
      .thenThrows('INVALID_ASSESSMENT', 'rationale');
    spec
      .given([made])
      .when(assess({ assessor: undefined }))
      .thenThrows('INVALID_ASSESSMENT', 'assessor');
  });

  it('need a source (SOURCE_REQUIRED)', () => {
    spec
      .given([made])
      .when(assess({ sources: [] }))
      .thenThrows('SOURCE_REQUIRED', 'sources');
  });

  it('are about a signatory, if about a country (NOT_A_SIGNATORY)', () => {
    spec
      .given([made])
      .when(assess({ country: 'TH' }))
      .thenThrows('NOT_A_SIGNATORY', 'country');
  });

  it('have unique ids', () => {
    spec.given([made, assessed()]).when(assess()).thenThrows('INVALID_ASSESSMENT', 'assessmentId');
  });

  it('are dated between the making of the commitment and today', () => {
    spec
      .given([made])
      .when(assess({ assessedOn: '2025-07-01' }))
      .thenThrows('INVALID_DATE', 'assessedOn');
    spec
      .given([made])
      .when(assess({ assessedOn: '2025-01-19' }))
      .thenThrows('INVALID_DATE', 'assessedOn');
    spec
      .given([made])
      .when(assess({ assessedOn: '2025-5-1' }))
      .thenThrows('INVALID_DATE', 'assessedOn');
  });

  it('are all kept; the latest per assessor (and country) counts', () => {
    const state = spec
      .given([
        made,
        assessed(),
        assessed({
          assessmentId: IDS.assessment2,
          assessor: 'UN Human Rights Office',
          rating: 'NOT_STARTED',
        }),
      ])
      .when(
        assess({
          assessmentId: IDS.assessment3,
          assessor: 'human rights watch',
          rating: 'SUBSTANTIAL',
          assessedOn: '2025-06-01',
        }),
      )
      .thenMatches([{ type: 'CommitmentAssessed' }]);
    const { assessments } = live(state);
    expect(assessments).toHaveLength(3);
    expect(latestAssessments(assessments).map((a) => [a.assessor, a.rating])).toEqual([
      ['human rights watch', 'SUBSTANTIAL'],
      ['UN Human Rights Office', 'NOT_STARTED'],
    ]);
  });

  it('keep apart an assessor’s view of one signatory and of the whole commitment; the later-recorded wins a tie', () => {
    const whole = assessed({ assessmentId: IDS.assessment1, rating: 'LIMITED' }).data;
    const ofKh = assessed({ assessmentId: IDS.assessment2, country: 'KH', rating: 'NOT_STARTED' }).data;
    const sameDayLater = assessed({ assessmentId: IDS.assessment3, rating: 'SUBSTANTIAL' }).data;
    expect(latestAssessments([whole, ofKh] as never).map((a) => a.rating)).toEqual([
      'LIMITED',
      'NOT_STARTED',
    ]);
    expect(latestAssessments([whole, sameDayLater] as never).map((a) => a.rating)).toEqual(['SUBSTANTIAL']);
    // Each signatory's row shows the assessments of it and of the whole commitment, not of the others.
    const state = [
      made,
      assessed({ country: 'KH', rating: 'NOT_STARTED' }),
      assessed({ assessmentId: IDS.assessment2, assessor: 'UN' }),
    ].reduce(commitmentDecider.evolve, commitmentDecider.initialState());
    const rows = signatoryViews(live(state), '2025-06-01');
    expect(rows.map((row) => [row.country, row.assessments.map((a) => a.assessor)])).toEqual([
      ['KH', ['Human Rights Watch', 'UN']],
      ['CN', ['UN']],
    ]);
  });

  it('count by date assessed, not by date recorded', () => {
    const older = assessed({ assessmentId: IDS.assessment2, rating: 'COMPLETE', assessedOn: '2025-02-01' });
    expect(latestAssessments([assessed().data, older.data] as never).map((a) => a.rating)).toEqual([
      'LIMITED',
    ]);
  });
});

describe('COMMITMENT: evidence links', () => {
  it('move the concerned signatories from NO_EVIDENCE to LIMITED on the first SUPPORTS link, with an explicit event', () => {
    const state = spec
      .given([made])
      .when(link(), known)
      .then([
        linked(IDS.taskForce, 'SUPPORTS', ['KH']),
        statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      ]);
    expect(live(state).implementation).toEqual({ KH: 'LIMITED', CN: 'NO_EVIDENCE' });
  });

  it('do not move a status again on a second SUPPORTS link', () => {
    spec
      .given([
        made,
        linked(IDS.taskForce, 'SUPPORTS', ['KH']),
        statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE' }),
      ])
      .when(link({ evidenceId: IDS.statement, note: 'The PM announced the crackdown.' }), known)
      .then([
        linked(IDS.statement, 'SUPPORTS', ['KH'], 'STATEMENT', { note: 'The PM announced the crackdown.' }),
      ]);
  });

  it('move only NO_EVIDENCE: a status an editor set stays', () => {
    spec
      .given([made, statusSet('KH', 'NOT_STARTED', 'NO_EVIDENCE', { cause: 'EDITORIAL' })])
      .when(link(), known)
      .then([linked(IDS.taskForce, 'SUPPORTS', ['KH'])]);
  });

  it('CONTRADICTS moves no status', () => {
    spec
      .given([made])
      .when(link({ evidenceId: IDS.detention, relation: 'CONTRADICTS', sources: [ARTICLE] }), known)
      .then([linked(IDS.detention, 'CONTRADICTS', ['KH'], 'DETENTION', { sources: [ARTICLE] })]);
  });

  it('concern every signatory when the evidence names none of them, or the ones given', () => {
    const elsewhere = { records: { [IDS.other]: fact('ARREST', [involved('TH', 'ACTING')]) } };
    spec
      .given([made])
      .when(link({ evidenceId: IDS.other, relation: 'CONTRADICTS' }), elsewhere)
      .then([linked(IDS.other, 'CONTRADICTS', ['KH', 'CN'], 'ARREST')]);
    spec
      .given([made])
      .when(link({ evidenceId: IDS.other, relation: 'CONTRADICTS', countries: ['CN'] }), elsewhere)
      .then([linked(IDS.other, 'CONTRADICTS', ['CN'], 'ARREST')]);
    spec
      .given([made])
      .when(link({ countries: ['TH'] }), known)
      .thenThrows('NOT_A_SIGNATORY', 'countries[0]');
  });

  it('link only to a record that exists (UNKNOWN_RECORD)', () => {
    spec
      .given([made])
      .when(link({ evidenceId: IDS.other }), known)
      .thenThrows('UNKNOWN_RECORD', 'evidenceId');
  });

  it('refuse a retracted record, another commitment, the commitment itself, and a second link to the same record', () => {
    spec
      .given([made])
      .when(link(), { records: { [IDS.taskForce]: fact('TASK_FORCE', [], true) } })
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
    spec
      .given([made])
      .when(link({ evidenceId: IDS.other }), { records: { [IDS.other]: fact('COMMITMENT') } })
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
    spec
      .given([made])
      .when(link({ evidenceId: id }), known)
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
    spec
      .given([made, linked(IDS.taskForce, 'SUPPORTS', ['KH'])])
      .when(link({ relation: 'CONTRADICTS' }), known)
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
  });

  it('relate as SUPPORTS or CONTRADICTS only', () => {
    spec
      .given([made])
      .when(link({ relation: 'MENTIONS' }), known)
      .thenThrows('INVALID_EVIDENCE', 'relation');
  });

  it('can be removed with a reason: the automatic LIMITED goes with its last supporting link; made again', () => {
    const history = [
      made,
      linked(IDS.taskForce, 'SUPPORTS', ['KH']),
      statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
    ];
    const unlink = {
      type: 'UnlinkEvidence',
      recordId: id,
      evidenceId: IDS.taskForce,
      reason: 'Created for another purpose',
    } as const;
    const state = spec
      .given(history)
      .when(unlink)
      .then([
        {
          type: 'EvidenceUnlinked',
          data: { recordId: id, evidenceId: IDS.taskForce, reason: 'Created for another purpose' },
        },
        statusSet('KH', 'NO_EVIDENCE', 'LIMITED', {
          cause: 'EVIDENCE',
          evidenceId: IDS.taskForce,
          reason: 'Its last supporting evidence was unlinked.',
        }),
      ]);
    expect(live(state)).toMatchObject({ evidence: [], implementation: { KH: 'NO_EVIDENCE' } });
    spec
      .given([
        ...history,
        { type: 'EvidenceUnlinked', data: { recordId: id, evidenceId: IDS.taskForce, reason: 'x' } },
      ])
      .when(link({ relation: 'CONTRADICTS' }), known)
      .thenMatches([{ type: 'EvidenceLinked' }]);
  });

  it('keeps LIMITED while another supporting link stands, and a status a reviewer set whatever is unlinked', () => {
    const unlink = { type: 'UnlinkEvidence', recordId: id, evidenceId: IDS.taskForce, reason: 'x' } as const;
    const supported = [
      made,
      linked(IDS.taskForce, 'SUPPORTS', ['KH']),
      statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      linked(IDS.arrest, 'SUPPORTS', ['KH'], 'ARREST'),
    ];
    spec
      .given(supported)
      .when(unlink)
      .thenMatches([{ type: 'EvidenceUnlinked' }]);
    const reviewed = [
      made,
      linked(IDS.taskForce, 'SUPPORTS', ['KH']),
      statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      statusSet('KH', 'SUBSTANTIAL', 'LIMITED', { cause: 'EDITORIAL' }),
      statusSet('KH', 'LIMITED', 'SUBSTANTIAL', { cause: 'EDITORIAL' }),
    ];
    spec
      .given(reviewed)
      .when(unlink)
      .thenMatches([{ type: 'EvidenceUnlinked' }]);
  });

  it('cannot be removed if not linked', () => {
    spec
      .given([made])
      .when({ type: 'UnlinkEvidence', recordId: id, evidenceId: IDS.taskForce, reason: 'x' })
      .thenThrows('INVALID_EVIDENCE', 'evidenceId');
  });
});

describe('COMMITMENT: implementation status per signatory', () => {
  it('is set for one signatory without touching the others', () => {
    const state = spec
      .given([made])
      .when(setStatus({ countries: ['KH'] }))
      .then([
        statusSet('KH', 'SUBSTANTIAL', 'NO_EVIDENCE', {
          cause: 'EDITORIAL',
          reason: 'Most compounds closed per UN monitoring.',
          sources: [SECOND_SOURCE],
        }),
      ]);
    expect(live(state).implementation).toEqual({ KH: 'SUBSTANTIAL', CN: 'NO_EVIDENCE' });
  });

  it('is set for every signatory by default, skipping those already there', () => {
    spec
      .given([made, statusSet('KH', 'WITHDRAWN', 'NO_EVIDENCE', { cause: 'EDITORIAL' })])
      .when(setStatus({ status: 'WITHDRAWN', assessmentId: IDS.assessment1 }), known)
      .thenThrows('INVALID_ASSESSMENT', 'assessmentId');
    spec
      .given([made, assessed(), statusSet('KH', 'WITHDRAWN', 'NO_EVIDENCE', { cause: 'EDITORIAL' })])
      .when(setStatus({ status: 'WITHDRAWN', assessmentId: IDS.assessment1 }))
      .thenMatches([
        {
          data: {
            country: 'CN',
            status: 'WITHDRAWN',
            previous: 'NO_EVIDENCE',
            assessmentId: IDS.assessment1,
          },
        },
      ]);
    spec
      .given([made, statusSet('KH', 'WITHDRAWN', 'NO_EVIDENCE', { cause: 'EDITORIAL' })])
      .when(setStatus({ countries: ['KH'], status: 'WITHDRAWN' }))
      .then([]);
  });

  it('needs a status from the scale, a reason, a source, and signatories only', () => {
    spec
      .given([made])
      .when(setStatus({ status: 'DONE' }))
      .thenThrows('VALIDATION_FAILED', 'status');
    spec
      .given([made])
      .when(setStatus({ reason: '' }))
      .thenThrows('VALIDATION_FAILED', 'reason');
    spec
      .given([made])
      .when(setStatus({ sources: null }))
      .thenThrows('SOURCE_REQUIRED', 'sources');
    spec
      .given([made])
      .when(setStatus({ countries: ['KH', 'VN'] }))
      .thenThrows('NOT_A_SIGNATORY', 'countries[1]');
    spec
      .given([made])
      .when(setStatus({ countries: ['ZZ'] }))
      .thenThrows('INVALID_COUNTRY', 'countries[0]');
    // Found by fuzzing: an empty list recorded nothing yet answered success.
    spec
      .given([made])
      .when(setStatus({ countries: [] }))
      .thenThrows('NOT_A_SIGNATORY', 'countries');
  });
});

describe('COMMITMENT: overdue, derived', () => {
  const history = [made, statusSet('KH', 'COMPLETE', 'NO_EVIDENCE', { cause: 'EDITORIAL' })];
  const state = history.reduce(commitmentDecider.evolve, commitmentDecider.initialState());

  it('is not overdue up to the last day of its deadline', () => {
    expect(isOverdue(state, '2025-12-31')).toBe(false);
  });

  it('is overdue after it for each signatory not COMPLETE', () => {
    expect(isOverdue(state, '2026-01-01', 'KH')).toBe(false);
    expect(isOverdue(state, '2026-01-01', 'CN')).toBe(true);
    expect(isOverdue(state, '2026-01-01')).toBe(true);
    expect(
      signatoryViews(live(state), '2026-01-01').map((v) => [v.country, v.implementation, v.overdue]),
    ).toEqual([
      ['KH', 'COMPLETE', false],
      ['CN', 'NO_EVIDENCE', true],
    ]);
  });

  it('is overdue past its deadline for a signatory that WITHDRAWN: only COMPLETE ends it', () => {
    const withdrawn = [made, statusSet('KH', 'WITHDRAWN', 'NO_EVIDENCE', { cause: 'EDITORIAL' })].reduce(
      commitmentDecider.evolve,
      commitmentDecider.initialState(),
    );
    expect(isOverdue(withdrawn, '2025-12-31', 'KH')).toBe(false);
    expect(isOverdue(withdrawn, '2026-01-01', 'KH')).toBe(true);
    expect(signatoryViews(live(withdrawn), '2026-01-01').find((v) => v.country === 'KH')).toMatchObject({
      implementation: 'WITHDRAWN',
      overdue: true,
    });
  });

  it('is never overdue for a country that is not a signatory', () => {
    expect(isOverdue(state, '2026-01-01', 'TH')).toBe(false);
  });

  it('is never overdue without a deadline, or once retracted', () => {
    const noDeadline = commitmentDecider.evolve(
      commitmentDecider.initialState(),
      createdEvent('COMMITMENT', { deadline: undefined }),
    );
    expect(isOverdue(noDeadline, '2030-01-01')).toBe(false);
    const retracted = commitmentDecider.evolve(state, {
      type: 'RecordRetracted',
      data: { recordId: id, kind: 'COMMITMENT', reason: 'x' },
    });
    expect(isOverdue(retracted, '2030-01-01')).toBe(false);
  });
});

describe('COMMITMENT: a whole lifecycle', () => {
  it('made → evidence → assessed → substantial → complete, then retracted and reinstated', () => {
    const events: CommitmentEvent[] = [];
    const step = (command: Parameters<typeof commitmentDecider.decide>[0]) => {
      const state = events.reduce(commitmentDecider.evolve, commitmentDecider.initialState());
      events.push(
        ...commitmentDecider.decide(command, state, { today: '2026-03-01', records: KNOWN_RECORDS }),
      );
    };
    step(createCommand('COMMITMENT'));
    step(link());
    step(link({ evidenceId: IDS.detention, relation: 'CONTRADICTS', countries: ['KH'] }));
    step(assess({ country: 'KH' }));
    step(setStatus({ countries: ['KH'], assessmentId: IDS.assessment1 }));
    step(setStatus({ status: 'COMPLETE', countries: ['KH'] }));
    step({ type: 'RetractRecord', recordId: id, reason: 'Duplicate' });
    step({ type: 'CorrectRetraction', recordId: id, reason: 'Not a duplicate', reinstate: true });
    expect(events.map((e) => e.type)).toEqual([
      'CommitmentMade',
      'EvidenceLinked',
      'ImplementationStatusSet',
      'EvidenceLinked',
      'CommitmentAssessed',
      'ImplementationStatusSet',
      'ImplementationStatusSet',
      'RecordRetracted',
      'RetractionCorrected',
    ]);
    const state = events.reduce(commitmentDecider.evolve, commitmentDecider.initialState());
    expect(live(state)).toMatchObject({
      status: 'made',
      implementation: { KH: 'COMPLETE', CN: 'NO_EVIDENCE' },
    });
    expect(live(state).evidence.map((e) => e.relation)).toEqual(['SUPPORTS', 'CONTRADICTS']);
    expect(isOverdue(state, '2026-03-01', 'KH')).toBe(false);
    expect(isOverdue(state, '2026-03-01', 'CN')).toBe(true);
  });

  it('refuses evidence, assessments and statuses once retracted', () => {
    const retracted: CommitmentEvent = {
      type: 'RecordRetracted',
      data: { recordId: id, kind: 'COMMITMENT', reason: 'x' },
    };
    spec.given([made, retracted]).when(link(), known).thenThrows('RECORD_RETRACTED');
    spec.given([made, retracted]).when(assess()).thenThrows('RECORD_RETRACTED');
    spec.given([made, retracted]).when(setStatus()).thenThrows('RECORD_RETRACTED');
  });
});

function json<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// Survivors of the mutation run, each stated as the rule it breaks.
describe('COMMITMENT: rules the mutation run found unstated', () => {
  const unlink = (evidenceId: string) =>
    ({ type: 'UnlinkEvidence', recordId: id, evidenceId, reason: 'x' }) as const;

  it('counts only SUPPORTS links about the same signatory as keeping its automatic LIMITED', () => {
    const history = [
      made,
      linked(IDS.taskForce, 'SUPPORTS', ['KH']),
      statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      // Neither keeps KH at LIMITED: one contradicts it, the other supports another signatory.
      linked(IDS.arrest, 'CONTRADICTS', ['KH'], 'ARREST'),
      linked(IDS.detention, 'SUPPORTS', ['CN'], 'DETENTION'),
    ];
    spec
      .given(history)
      .when(unlink(IDS.taskForce))
      .thenMatches([
        { type: 'EvidenceUnlinked' },
        { type: 'ImplementationStatusSet', data: { country: 'KH', status: 'NO_EVIDENCE' } },
      ]);
  });

  it('keeps the other signatories automatic when a reviewer sets one of them', () => {
    const history = [
      made,
      linked(IDS.taskForce, 'SUPPORTS', ['KH', 'CN']),
      statusSet('KH', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      statusSet('CN', 'LIMITED', 'NO_EVIDENCE', { cause: 'EVIDENCE', evidenceId: IDS.taskForce }),
      statusSet('KH', 'SUBSTANTIAL', 'LIMITED', { cause: 'EDITORIAL' }),
    ];
    const state = spec
      .given(history)
      .when(unlink(IDS.taskForce))
      .thenMatches([
        { type: 'EvidenceUnlinked' },
        { type: 'ImplementationStatusSet', data: { country: 'CN', status: 'NO_EVIDENCE' } },
      ]);
    expect(live(state).implementation).toEqual({ KH: 'SUBSTANTIAL', CN: 'NO_EVIDENCE' });
  });

  it('unlinks only the evidence named: the other links stay', () => {
    const history = [
      made,
      linked(IDS.taskForce, 'CONTRADICTS', ['KH']),
      linked(IDS.arrest, 'CONTRADICTS', ['KH'], 'ARREST'),
      {
        type: 'EvidenceUnlinked',
        data: { recordId: id, evidenceId: IDS.taskForce, reason: 'x' },
      } as CommitmentEvent,
    ];
    spec
      .given(history)
      .when(unlink(IDS.arrest))
      .thenMatches([{ type: 'EvidenceUnlinked' }]);
    spec.given(history).when(unlink(IDS.taskForce)).thenThrows('INVALID_EVIDENCE', 'evidenceId');
  });

  it('takes an assessment on the day the commitment was made', () => {
    spec
      .given([made])
      .when(assess({ assessedOn: '2025-01-20' }), known)
      .thenMatches([{ type: 'CommitmentAssessed', data: { assessedOn: '2025-01-20' } }]);
  });

  it('remembers its latest step, whatever order assessments come in: occurred cannot be corrected past it', () => {
    const history = [
      made,
      assessed({ assessmentId: IDS.assessment1, assessedOn: '2025-03-01' }),
      assessed({ assessmentId: IDS.assessment2, assessedOn: '2025-02-01' }),
    ];
    const correct = (date: string) =>
      ({
        type: 'CorrectRecord',
        recordId: id,
        changes: { occurred: day(date) },
        reason: 'Better source',
      }) as never;
    spec
      .given(history)
      .when(correct('2025-02-15'), known)
      .thenMatches([{ type: 'RecordCorrected' }]);
    spec
      .given(history)
      .when(correct('2025-03-01'), known)
      .thenMatches([{ type: 'RecordCorrected' }]);
    spec.given(history).when(correct('2025-03-02'), known).thenThrows('INVALID_DATE', 'occurred');
  });
});
