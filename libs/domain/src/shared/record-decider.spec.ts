import { meetingDecider } from '../meeting/meeting.decider.js';
import type { MeetingEvent } from '../meeting/meeting.events.js';
import { taskForceDecider } from '../task-force/task-force.decider.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import {
  ARTICLE,
  createCommand,
  createdEvent,
  day,
  IDS,
  involved,
  meetingFields,
} from '../testing/fixtures.js';

/** The rules every kind shares, shown on a meeting (and a task force where a later step matters). */
const spec = deciderSpecification(meetingDecider);
const created: MeetingEvent = createdEvent('MEETING');
const retracted = {
  type: 'RecordRetracted',
  data: { recordId: IDS.meeting, kind: 'MEETING', reason: 'Never took place' },
} as const;
const correct = (changes: Record<string, unknown>, reason = 'Checked with a second source') =>
  ({ type: 'CorrectRecord', recordId: IDS.meeting, changes, reason }) as const;

describe('creating a record', () => {
  it('normalises input: trims text, drops duplicates, treats null as absent', () => {
    spec
      .given([])
      .when(
        createCommand('MEETING', {
          title: '  Meeting on scams ',
          place: null,
          outcomeSummary: null,
          bodies: ['UNODC', 'UNODC'],
          countries: [involved('kh', 'HOST'), involved('KH', 'HOST')],
        }),
      )
      .thenMatches([
        {
          type: 'MeetingRecorded',
          data: {
            recordId: IDS.meeting,
            title: 'Meeting on scams',
            bodies: ['UNODC'],
            countries: [involved('KH', 'HOST')],
          },
        },
      ]);
  });
});

/** An object with its keys sorted, at every depth: a record's fields as the store gives them back. */
function keysSorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysSorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, keysSorted((value as Record<string, unknown>)[key])]),
  );
}

describe('correcting a record', () => {
  it('records only the fields that changed when the stored fields come back with their keys sorted', () => {
    const stored = {
      type: 'MeetingRecorded',
      data: keysSorted((created as { data: unknown }).data),
    } as MeetingEvent;
    const state = meetingDecider.evolve(meetingDecider.initialState(), stored);
    const [event] = meetingDecider.decide(correct({ title: 'Corrected title' }), state, {
      today: '2026-01-01',
      records: new Map(),
    });
    expect(event).toMatchObject({ type: 'RecordCorrected' });
    expect(Object.keys((event!.data as { changes: object }).changes)).toEqual(['title']);
  });

  it('records only the fields that changed, with the reason', () => {
    spec
      .given([created])
      .when(correct({ title: 'Corrected title', place: 'Phnom Penh' }))
      .then([
        {
          type: 'RecordCorrected',
          data: {
            recordId: IDS.meeting,
            kind: 'MEETING',
            changes: { title: 'Corrected title' },
            reason: 'Checked with a second source',
          },
        },
      ]);
  });

  it('clears an optional field with null, and evolve removes it', () => {
    const state = spec
      .given([created])
      .when(correct({ place: null }))
      .then([
        {
          type: 'RecordCorrected',
          data: {
            recordId: IDS.meeting,
            kind: 'MEETING',
            changes: { place: null },
            reason: 'Checked with a second source',
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'held' });
    expect('place' in (state as { fields: object }).fields).toBe(false);
  });

  it('validates corrected fields as at creation', () => {
    spec
      .given([created])
      .when(correct({ countries: [involved('KH', 'SIGNATORY')] }))
      .thenThrows('INVALID_COUNTRY', 'countries[0].role');
    spec
      .given([created])
      .when(correct({ countries: [involved('KH', 'MENTIONED')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
    spec
      .given([created])
      .when(correct({ occurred: { type: 'DATE', date: '2025-02-30', precision: 'DAY' } }))
      .thenThrows('INVALID_DATE', 'occurred.date');
    spec
      .given([created])
      .when(correct({ title: '' }))
      .thenThrows('VALIDATION_FAILED', 'title');
    spec
      .given([created])
      .when(correct({ sources: [{ url: 'ftp://x.org' }] }))
      .thenThrows('INVALID_SOURCE', 'sources[0].url');
  });

  it('refuses a field that is not correctable, an empty correction, a correction that changes nothing, and a missing reason', () => {
    spec
      .given([created])
      .when(correct({ recordId: IDS.other }))
      .thenThrows('VALIDATION_FAILED', 'changes.recordId');
    spec.given([created]).when(correct({})).thenThrows('VALIDATION_FAILED', 'changes');
    spec
      .given([created])
      .when(correct({ title: meetingFields.title }))
      .thenThrows('VALIDATION_FAILED', 'changes');
    spec
      .given([created])
      .when(correct({ title: 'New' }, ' '))
      .thenThrows('VALIDATION_FAILED', 'reason');
  });

  it('applies in evolve: the state has the corrected fields', () => {
    const state = spec
      .given([created])
      .when(correct({ occurred: day('2025-01-21') }))
      .thenMatches([{ type: 'RecordCorrected' }]);
    expect(state).toMatchObject({ fields: { occurred: day('2025-01-21'), title: meetingFields.title } });
  });

  it('cannot move a record to start after a later step of its own', () => {
    const tf = deciderSpecification(taskForceDecider);
    const dissolved = {
      type: 'TaskForceDissolved',
      data: { recordId: IDS.taskForce, on: { date: '2025-03', precision: 'MONTH' }, sources: [ARTICLE] },
    } as const;
    tf.given([createdEvent('TASK_FORCE'), dissolved])
      .when({
        type: 'CorrectRecord',
        recordId: IDS.taskForce,
        changes: { occurred: day('2025-04-01') },
        reason: 'x',
      })
      .thenThrows('INVALID_DATE', 'occurred');
    tf.given([createdEvent('TASK_FORCE'), dissolved])
      .when({
        type: 'CorrectRecord',
        recordId: IDS.taskForce,
        changes: { occurred: day('2025-03-01') },
        reason: 'x',
      })
      .thenMatches([{ type: 'RecordCorrected' }]);
  });
});

describe('retracting a record', () => {
  it('needs a reason', () => {
    spec
      .given([created])
      .when({ type: 'RetractRecord', recordId: IDS.meeting, reason: '' })
      .thenThrows('VALIDATION_FAILED', 'reason');
  });

  it('keeps what the record was, for audits', () => {
    const state = spec
      .given([created])
      .when({ type: 'RetractRecord', recordId: IDS.meeting, reason: 'Never took place' })
      .then([retracted]);
    expect(state).toEqual({
      status: 'retracted',
      reason: 'Never took place',
      live: meetingDecider.evolve(meetingDecider.initialState(), created),
    });
  });

  it('accepts a corrected retraction reason and stays retracted', () => {
    const state = spec
      .given([created, retracted])
      .when({
        type: 'CorrectRetraction',
        recordId: IDS.meeting,
        reason: 'Wrong reason given',
        reinstate: false,
        retractionReason: 'Duplicate',
      })
      .then([
        {
          type: 'RetractionCorrected',
          data: {
            recordId: IDS.meeting,
            kind: 'MEETING',
            reason: 'Wrong reason given',
            reinstated: false,
            retractionReason: 'Duplicate',
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'retracted', reason: 'Duplicate' });
  });

  it('refuses a corrected retraction with neither reinstatement nor a new reason', () => {
    spec
      .given([created, retracted])
      .when({ type: 'CorrectRetraction', recordId: IDS.meeting, reason: 'x', reinstate: false })
      .thenThrows('VALIDATION_FAILED', 'retractionReason');
  });

  it('refuses to correct the retraction of a record that is not retracted', () => {
    spec
      .given([created])
      .when({ type: 'CorrectRetraction', recordId: IDS.meeting, reason: 'x', reinstate: true })
      .thenThrows('INVALID_TRANSITION', 'recordId');
  });

  it('refuses to correct the retraction of a record that does not exist', () => {
    spec
      .given([])
      .when({ type: 'CorrectRetraction', recordId: IDS.meeting, reason: 'x', reinstate: true })
      .thenThrows('UNKNOWN_RECORD', 'recordId');
  });
});

describe('a correction, whatever order the stored fields came back in', () => {
  it('records only the fields that changed', async () => {
    const { sameJson } = await import('./fields.js');
    expect(
      sameJson(
        { type: 'DATE', date: '2025-01', precision: 'MONTH' },
        { precision: 'MONTH', date: '2025-01', type: 'DATE' },
      ),
    ).toBe(true);
    expect(sameJson([{ a: 1, b: [1, { c: 2 }] }], [{ b: [1, { c: 2 }], a: 1 }])).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: undefined, b: 1 }, { b: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
