import { deciderSpecification } from '../testing/decider-specification.js';
import { ARTICLE, createCommand, createdEvent, IDS, involved } from '../testing/fixtures.js';
import { detentionDecider, type DetentionLive, type DetentionState } from './detention.decider.js';
import type { DetentionEvent } from './detention.events.js';
import { detentionDays, detentionDaysRange, isInCustody, lastReportedDay } from './detention.views.js';

const spec = deciderSpecification(detentionDecider);
/** Any command the detention decider accepts, the common ones included. */
type DetentionCommand = Parameters<typeof detentionDecider.decide>[0];
const id = IDS.detention;
const detained: DetentionEvent = createdEvent('DETENTION');
const on = (date: string) => ({ date, precision: 'DAY' }) as const;
const sentence = { description: 'Two years in prison', custodial: true, months: 24 };

const command = (type: string, date: string, more: Record<string, unknown> = {}) =>
  ({ type, recordId: id, on: on(date), sources: [ARTICLE], ...more }) as DetentionCommand;
const charge = (date = '2025-01-12', charges = ['incitement']) =>
  command('ChargeDetention', date, { charges });
const bail = (date = '2025-02-01') => command('ReleaseDetentionOnBail', date);
const release = (date = '2025-03-01') => command('ReleaseDetention', date);
const convict = (date = '2025-04-01', more: Record<string, unknown> = { sentence }) =>
  command('ConvictDetention', date, more);
const acquit = (date = '2025-04-01') => command('AcquitDetention', date);
const drop = (date = '2025-04-01') => command('DropDetentionCharges', date);
const note = (date = '2025-01-15') =>
  command('AddDetentionNote', date, { category: 'APOLOGY', note: 'The journalists published an apology.' });

/** Runs commands in order from nothing, returning every event. */
function run(...commands: DetentionCommand[]): DetentionEvent[] {
  const events: DetentionEvent[] = [];
  for (const c of [createCommand('DETENTION'), ...commands] as DetentionCommand[]) {
    const state = events.reduce(detentionDecider.evolve, detentionDecider.initialState());
    events.push(...detentionDecider.decide(c, state, { today: '2025-06-30', records: new Map() }));
  }
  return events;
}
const stateOf = (events: DetentionEvent[]): DetentionState =>
  events.reduce(detentionDecider.evolve, detentionDecider.initialState());
const live = (state: DetentionState) => state as DetentionLive;

describe('DETENTION: reporting', () => {
  it('records the persons DETAINED and in custody', () => {
    const state = spec.given([]).when(createCommand('DETENTION')).then([detained]);
    expect(live(state)).toMatchObject({
      status: 'DETAINED',
      inCustody: true,
      custody: [{ from: '2025-01-10' }],
    });
  });

  it('needs at least one person, each with a name and a known role', () => {
    spec
      .given([])
      .when(createCommand('DETENTION', { persons: [] }))
      .thenThrows('VALIDATION_FAILED', 'persons');
    spec
      .given([])
      .when(createCommand('DETENTION', { persons: [{ name: 'A', role: 'BLOGGER' }] }))
      .thenThrows('VALIDATION_FAILED', 'persons[0].role');
    spec
      .given([])
      .when(createCommand('DETENTION', { persons: [{ name: 'A', role: 'JOURNALIST', nationality: 'XX' }] }))
      .thenThrows('INVALID_COUNTRY', 'persons[0].nationality');
  });

  it('needs a reason, and exactly one detaining (ACTING) country', () => {
    spec
      .given([])
      .when(createCommand('DETENTION', { reason: '' }))
      .thenThrows('VALIDATION_FAILED', 'reason');
    spec
      .given([])
      .when(createCommand('DETENTION', { countries: [involved('KH', 'ACTING'), involved('TH', 'ACTING')] }))
      .thenThrows('INVALID_COUNTRY', 'countries');
  });

  it('carries no sentence before a conviction', () => {
    spec.given([]).when(createCommand('DETENTION', { sentence })).thenThrows('VALIDATION_FAILED', 'sentence');
  });
});

describe('DETENTION: the lifecycle', () => {
  it('DETAINED → CHARGED adds the charges and keeps them in custody', () => {
    const state = spec
      .given([detained])
      .when(charge())
      .then([
        {
          type: 'DetentionCharged',
          data: {
            recordId: id,
            on: on('2025-01-12'),
            sources: [ARTICLE],
            status: 'CHARGED',
            inCustody: true,
            charges: ['incitement'],
          },
        },
      ]);
    expect(live(state)).toMatchObject({ status: 'CHARGED', fields: { charges: ['incitement'] } });
  });

  it('CHARGED → CHARGED adds further charges', () => {
    const state = stateOf(run(charge(), charge('2025-01-13', ['incitement', 'defamation'])));
    expect(live(state).fields.charges).toEqual(['incitement', 'defamation']);
  });

  it('a charge needs at least one charge', () => {
    spec.given([detained]).when(charge('2025-01-12', [])).thenThrows('VALIDATION_FAILED', 'charges');
  });

  it('CHARGED → RELEASED_ON_BAIL ends custody', () => {
    const state = stateOf(run(charge(), bail()));
    expect(live(state)).toMatchObject({ status: 'RELEASED_ON_BAIL', inCustody: false });
    expect(live(state).custody).toEqual([{ from: '2025-01-10', to: '2025-02-01' }]);
  });

  it('RELEASED_ON_BAIL → CONVICTED with a custodial sentence opens a new custody period', () => {
    const state = stateOf(run(charge(), bail(), convict()));
    expect(live(state)).toMatchObject({ status: 'CONVICTED', inCustody: true, fields: { sentence } });
    expect(live(state).custody).toEqual([{ from: '2025-01-10', to: '2025-02-01' }, { from: '2025-04-01' }]);
    expect(detentionDays(state, '2025-04-11')).toBe(22 + 10);
  });

  it('gives days in custody as a range when the detention is known only to the month, and when it was last reported', () => {
    const exact = stateOf(run(charge(), bail()));
    expect(detentionDaysRange(exact, '2025-06-30')).toEqual({ min: 22, max: 22, approximate: false });
    expect(lastReportedDay(exact)).toBe('2025-02-01');

    const created = detained as unknown as { type: string; data: Record<string, unknown> };
    const monthOnly = stateOf([
      {
        ...created,
        data: { ...created.data, occurred: { type: 'DATE', date: '2025-01', precision: 'MONTH' } },
      },
    ] as unknown as DetentionEvent[]);
    // In custody since some day of January 2025: on 2025-03-01, from 29 (since 31 January) to 59 days.
    expect(detentionDaysRange(monthOnly, '2025-03-01')).toEqual({ min: 29, max: 59, approximate: true });
    expect(detentionDays(monthOnly, '2025-03-01')).toBe(59);
    expect(lastReportedDay(monthOnly)).toBe('2025-01-01');
  });

  it('CONVICTED (custodial) → RELEASED when the sentence ends or is pardoned', () => {
    const state = stateOf(run(charge(), convict(), release('2025-05-01')));
    expect(live(state)).toMatchObject({ status: 'RELEASED', inCustody: false });
    expect(detentionDays(state, '2025-06-30')).toBe(111);
  });

  it('CHARGED → CONVICTED with a suspended sentence ends custody, and there is then nothing to release', () => {
    const suspended = { description: 'One year, suspended', custodial: false };
    const events = run(charge(), convict('2025-04-01', { sentence: suspended }));
    expect(live(stateOf(events))).toMatchObject({ status: 'CONVICTED', inCustody: false });
    spec.given(events).when(release('2025-05-01')).thenThrows('INVALID_TRANSITION', 'recordId');
  });

  it('CHARGED → ACQUITTED and CHARGED → CHARGES_DROPPED end custody', () => {
    expect(live(stateOf(run(charge(), acquit())))).toMatchObject({ status: 'ACQUITTED', inCustody: false });
    expect(live(stateOf(run(charge(), drop())))).toMatchObject({
      status: 'CHARGES_DROPPED',
      inCustody: false,
    });
    expect(live(stateOf(run(charge(), bail(), drop())))).toMatchObject({ status: 'CHARGES_DROPPED' });
    expect(live(stateOf(run(charge(), bail(), acquit())))).toMatchObject({ status: 'ACQUITTED' });
  });

  it('DETAINED → RELEASED without charge', () => {
    const state = stateOf(run(release('2025-01-11')));
    expect(live(state)).toMatchObject({ status: 'RELEASED', inCustody: false });
    expect(detentionDays(state, '2025-06-30')).toBe(1);
    expect(isInCustody(state)).toBe(false);
  });

  it('counts days in custody up to today while detained', () => {
    const state = stateOf(run(charge()));
    expect(isInCustody(state)).toBe(true);
    expect(detentionDays(state, '2025-01-31')).toBe(21);
  });
});

describe('DETENTION: refused transitions (INVALID_TRANSITION)', () => {
  const cases: [string, DetentionCommand[], DetentionCommand][] = [
    ['convicting the uncharged', [], convict('2025-01-12')],
    ['acquitting the uncharged', [], acquit('2025-01-12')],
    ['dropping charges never laid', [], drop('2025-01-12')],
    ['releasing the released', [release('2025-01-11')], release()],
    ['bailing the released', [release('2025-01-11')], bail()],
    ['charging the released', [release('2025-01-11')], charge('2025-02-01')],
    ['releasing on bail twice', [charge(), bail()], bail('2025-02-02')],
    ['releasing someone on bail (already released)', [charge(), bail()], release()],
    ['charging someone on bail', [charge(), bail()], charge('2025-02-02')],
    ['convicting twice', [charge(), convict()], convict('2025-04-02')],
    ['acquitting the convicted', [charge(), convict()], acquit('2025-04-02')],
    ['anything after an acquittal: release', [charge(), acquit()], release('2025-04-02')],
    ['anything after an acquittal: conviction', [charge(), acquit()], convict('2025-04-02')],
    ['anything after an acquittal: a note', [charge(), acquit()], note('2025-04-02')],
    ['anything after charges dropped: conviction', [charge(), drop()], convict('2025-04-02')],
    ['anything after charges dropped: release', [charge(), drop()], release('2025-04-02')],
  ];
  it.each(cases)('refuses %s', (_name, before, refused) => {
    spec
      .given(run(...before))
      .when(refused)
      .thenThrows('INVALID_TRANSITION', 'recordId');
  });

  it('accepts a correction after an acquittal', () => {
    spec
      .given(run(charge(), acquit()))
      .when({
        type: 'CorrectRecord',
        recordId: id,
        changes: { outlet: 'Another Outlet' },
        reason: 'Misnamed',
      })
      .thenMatches([{ type: 'RecordCorrected', data: { changes: { outlet: 'Another Outlet' } } }]);
  });
});

describe('DETENTION: conviction carries a sentence (SENTENCE_REQUIRED)', () => {
  it('refuses a conviction without a sentence, or with an empty one', () => {
    spec.given(run(charge())).when(convict('2025-04-01', {})).thenThrows('SENTENCE_REQUIRED', 'sentence');
    spec
      .given(run(charge()))
      .when(convict('2025-04-01', { sentence: { description: ' ', custodial: true } }))
      .thenThrows('SENTENCE_REQUIRED', 'sentence.description');
  });

  it('needs to know whether the sentence is custodial', () => {
    spec
      .given(run(charge()))
      .when(convict('2025-04-01', { sentence: { description: 'Two years' } }))
      .thenThrows('VALIDATION_FAILED', 'sentence.custodial');
  });

  it('lets a correction fix the sentence of a convicted case but not remove it', () => {
    const convicted = run(charge(), convict());
    const fixed = { description: 'Three years in prison', custodial: true, months: 36 };
    spec
      .given(convicted)
      .when({ type: 'CorrectRecord', recordId: id, changes: { sentence: fixed }, reason: 'Court record' })
      .then([
        {
          type: 'RecordCorrected',
          data: { recordId: id, kind: 'DETENTION', changes: { sentence: fixed }, reason: 'Court record' },
        },
      ]);
    spec
      .given(convicted)
      .when({ type: 'CorrectRecord', recordId: id, changes: { sentence: null }, reason: 'x' })
      .thenThrows('SENTENCE_REQUIRED', 'sentence');
    spec
      .given(run(charge()))
      .when({ type: 'CorrectRecord', recordId: id, changes: { sentence: fixed }, reason: 'x' })
      .thenThrows('VALIDATION_FAILED', 'sentence');
  });
});

describe('DETENTION: dates and sources of each step', () => {
  it('refuses a step dated before the previous one, or after today', () => {
    spec
      .given(run(charge('2025-01-20')))
      .when(bail('2025-01-19'))
      .thenThrows('INVALID_DATE', 'on');
    spec.given([detained]).when(charge('2025-01-09')).thenThrows('INVALID_DATE', 'on');
    spec.given([detained]).when(charge('2025-07-01')).thenThrows('INVALID_DATE', 'on');
  });

  it('accepts a step in the same month as the previous one when only the month is known', () => {
    spec
      .given([detained])
      .when(
        command('ChargeDetention', '', {
          on: { date: '2025-01', precision: 'MONTH' },
          charges: ['incitement'],
        }),
      )
      .thenMatches([{ type: 'DetentionCharged' }]);
  });

  it('needs a source for every step', () => {
    spec
      .given([detained])
      .when(command('ChargeDetention', '2025-01-12', { charges: ['x'], sources: [] }))
      .thenThrows('SOURCE_REQUIRED', 'sources');
    spec
      .given([detained])
      .when(command('ReleaseDetention', '2025-01-12', { sources: undefined }))
      .thenThrows('SOURCE_REQUIRED', 'sources');
  });
});

describe('DETENTION: notes', () => {
  it('records a published apology without changing the status', () => {
    const state = spec
      .given(run(charge()))
      .when(note())
      .then([
        {
          type: 'DetentionNoteAdded',
          data: {
            recordId: id,
            on: on('2025-01-15'),
            category: 'APOLOGY',
            note: 'The journalists published an apology.',
            sources: [ARTICLE],
          },
        },
      ]);
    expect(live(state)).toMatchObject({ status: 'CHARGED', notes: [{ category: 'APOLOGY' }] });
  });

  it('are accepted after release and after charges are dropped', () => {
    spec
      .given(run(release('2025-01-11')))
      .when(note('2025-02-01'))
      .thenMatches([{ type: 'DetentionNoteAdded' }]);
    spec
      .given(run(charge(), drop()))
      .when(note('2025-05-01'))
      .thenMatches([{ type: 'DetentionNoteAdded' }]);
  });

  it('need a known category and a text', () => {
    spec
      .given([detained])
      .when(command('AddDetentionNote', '2025-01-15', { category: 'GOSSIP', note: 'x' }))
      .thenThrows('VALIDATION_FAILED', 'category');
    spec
      .given([detained])
      .when(command('AddDetentionNote', '2025-01-15', { category: 'APOLOGY', note: '' }))
      .thenThrows('VALIDATION_FAILED', 'note');
  });
});

describe('DETENTION: the case in the source article, start to end', () => {
  it('detained → charged with incitement → apology → released on bail → charges dropped; then retracted and reinstated', () => {
    const events = run(
      charge('2025-01-12', ['incitement']),
      note('2025-01-20'),
      bail('2025-02-01'),
      drop('2025-03-15'),
      { type: 'RetractRecord', recordId: id, reason: 'Wrong case' } as DetentionCommand,
      {
        type: 'CorrectRetraction',
        recordId: id,
        reason: 'Right case after all',
        reinstate: true,
      } as DetentionCommand,
    );
    expect(events.map((e) => e.type)).toEqual([
      'JournalistDetained',
      'DetentionCharged',
      'DetentionNoteAdded',
      'DetentionReleasedOnBail',
      'DetentionChargesDropped',
      'RecordRetracted',
      'RetractionCorrected',
    ]);
    const state = stateOf(events);
    expect(live(state)).toMatchObject({ status: 'CHARGES_DROPPED', inCustody: false });
    expect(detentionDays(state, '2025-06-30')).toBe(22);
  });

  it('is out of every tally while retracted', () => {
    const events = run(charge(), { type: 'RetractRecord', recordId: id, reason: 'x' } as DetentionCommand);
    expect(isInCustody(stateOf(events))).toBe(false);
    expect(detentionDays(stateOf(events), '2025-06-30')).toBe(0);
    spec.given(events).when(release()).thenThrows('RECORD_RETRACTED');
  });

  it('moves the first custody period when the detention date is corrected', () => {
    const state = spec
      .given([detained])
      .when({
        type: 'CorrectRecord',
        recordId: id,
        changes: { occurred: { type: 'DATE', date: '2025-01-08', precision: 'DAY' } },
        reason: 'x',
      })
      .thenMatches([{ type: 'RecordCorrected' }]);
    expect(live(state).custody).toEqual([{ from: '2025-01-08' }]);
  });
});
