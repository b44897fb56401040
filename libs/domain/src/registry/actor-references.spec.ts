import { recordsDecider, referencedRecordIds } from './records.decider.js';
import type { RecordCommand, RecordEvent } from './record-types.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import {
  actorFact,
  ARTICLE,
  createCommand,
  createdEvent,
  fact,
  IDS,
  involved,
  KNOWN_RECORDS,
  SECOND_SOURCE,
} from '../testing/fixtures.js';

/*
 * Every place a record names an actor by id, beside the text it keeps: the id must name a recorded,
 * standing, unmerged ACTOR; a correction that leaves it as it was needs no new look-up; the application
 * knows to look it up (referencedRecordIds).
 */
const spec = deciderSpecification(recordsDecider);
const ACTOR = IDS.actor;
const known = (more: Record<string, ReturnType<typeof fact>> = {}) => ({
  records: new Map([...KNOWN_RECORDS, [ACTOR, actorFact('NGO')], ...Object.entries(more)]),
});
const merged = { records: new Map([...KNOWN_RECORDS, [ACTOR, actorFact('NGO', IDS.otherActor)]]) };
const retracted = { records: new Map([...KNOWN_RECORDS, [ACTOR, fact('ACTOR', [], true)]]) };

/** Each reference: the creation command that makes it, and the field a refusal names. */
const REFERENCES: [string, () => RecordCommand, string][] = [
  ['a figure names its claimant', () => createCommand('FIGURE', { claimantId: ACTOR }), 'claimantId'],
  [
    'a task force names its member agencies',
    () => createCommand('TASK_FORCE', { memberAgencyIds: [ACTOR] }),
    'memberAgencyIds[0]',
  ],
  ['a detention names its outlet', () => createCommand('DETENTION', { outletId: ACTOR }), 'outletId'],
  [
    'a detention names a detained person',
    () =>
      createCommand('DETENTION', {
        persons: [{ name: 'Reporter', role: 'JOURNALIST', actorId: ACTOR }],
      }),
    'persons[0].actorId',
  ],
  [
    "a record's source names its publisher",
    () => createCommand('SHUTDOWN', { sources: [{ ...ARTICLE, publisherId: ACTOR }] }),
    'sources[0].publisherId',
  ],
];

describe('references to actors', () => {
  it.each(REFERENCES)('given an actor, when %s by id, then the record keeps the id', (_, command) => {
    const events = recordsDecider.decide(command(), recordsDecider.initialState(), {
      today: '2025-06-30',
      ...known(),
    });
    expect(JSON.stringify(events[0]!.data)).toContain(ACTOR);
    expect(referencedRecordIds(command())).toContain(ACTOR);
  });

  it.each(REFERENCES)('refuses it when %s that is unknown, merged away or retracted', (_, command, field) => {
    spec.given([]).when(command()).thenThrows('UNKNOWN_RECORD', field);
    spec.given([]).when(command(), merged).thenThrows('INVALID_REFERENCE', field);
    spec.given([]).when(command(), retracted).thenThrows('INVALID_REFERENCE', field);
  });

  it('given an assessment naming its assessor by id, then the assessment keeps it; an unknown one is refused', () => {
    const assess = (assessorId: string) =>
      ({
        type: 'AssessCommitment',
        recordId: IDS.commitment,
        assessmentId: IDS.assessment1,
        assessor: 'Licadho',
        assessorId,
        rating: 'LIMITED',
        rationale: 'Some units set up.',
        sources: [SECOND_SOURCE],
        assessedOn: '2025-05-01',
      }) as unknown as RecordCommand;
    const made = createdEvent('COMMITMENT') as RecordEvent;
    spec
      .given([made])
      .when(assess(ACTOR), known())
      .thenMatches([{ type: 'CommitmentAssessed', data: { assessor: 'Licadho', assessorId: ACTOR } }]);
    spec.given([made]).when(assess(IDS.other), known()).thenThrows('UNKNOWN_RECORD', 'assessorId');
    expect(referencedRecordIds(assess(ACTOR))).toEqual([ACTOR]);
  });

  it("refuses a publisher by id on a lifecycle step's sources: only a record's own sources name one", () => {
    const created = createdEvent('TASK_FORCE') as RecordEvent;
    spec
      .given([created])
      .when(
        {
          type: 'DissolveTaskForce',
          recordId: IDS.taskForce,
          on: { date: '2025-05', precision: 'MONTH' },
          sources: [{ ...ARTICLE, publisherId: ACTOR }],
        } as unknown as RecordCommand,
        known(),
      )
      .thenThrows('INVALID_SOURCE', 'sources[0].publisherId');
  });

  it('given a record naming an actor, when a correction leaves the reference, then the actor is not looked up again', () => {
    const figure = createdEvent('FIGURE', { claimantId: ACTOR }) as RecordEvent;
    // The actor was merged since: the correction of another field does not touch the reference.
    spec
      .given([figure])
      .when(
        {
          type: 'CorrectRecord',
          recordId: IDS.figure,
          changes: { value: 19000 },
          reason: 'The ministry corrected its count.',
        } as unknown as RecordCommand,
        merged,
      )
      .thenMatches([{ type: 'RecordCorrected', data: { changes: { value: 19000 } } }]);
    // A correction that names it anew is checked.
    spec
      .given([figure])
      .when(
        {
          type: 'CorrectRecord',
          recordId: IDS.figure,
          changes: { claimantId: IDS.other },
          reason: 'Another claimant.',
        } as unknown as RecordCommand,
        known(),
      )
      .thenThrows('UNKNOWN_RECORD', 'claimantId');
    expect(
      referencedRecordIds({
        type: 'CorrectRecord',
        recordId: IDS.figure,
        changes: { claimantId: IDS.other, sources: [{ ...ARTICLE, publisherId: ACTOR }] },
        reason: 'x',
      } as unknown as RecordCommand).sort(),
    ).toEqual([ACTOR, IDS.other].sort());
  });

  it('keeps a state actor to its country: an official speaking names the ACTING country', () => {
    spec
      .given([])
      .when(createCommand('STATEMENT', { speakerId: ACTOR, countries: [involved('KH', 'MENTIONED')] }), {
        records: new Map([[ACTOR, actorFact('GOVERNMENT_BODY')]]),
      })
      .thenThrows('INVALID_COUNTRY', 'countries');
  });
});
