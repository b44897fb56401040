import { RECORD_KINDS } from '../shared/record.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import {
  ARTICLE,
  CREATIONS,
  createCommand,
  createdEvent,
  fact,
  IDS,
  KNOWN_RECORDS,
  SECOND_SOURCE,
} from '../testing/fixtures.js';
import { kindOfEvent, kindOfStream, RECORD_COMMAND_TYPES, RECORD_EVENT_TYPES } from './record-registry.js';
import { recordIdFromStream, recordStreamName } from './record-stream.js';
import { decideRecord, describeRecord, recordsDecider, referencedRecordIds } from './records.decider.js';
import type { RecordEvent } from './record-types.js';

const spec = deciderSpecification(recordsDecider);
const known = { records: KNOWN_RECORDS };

describe('every record kind, through the one generic decider', () => {
  describe.each(RECORD_KINDS)('%s', (kind) => {
    const { id } = CREATIONS[kind];
    const created: RecordEvent = createdEvent(kind);
    const retracted: RecordEvent = {
      type: 'RecordRetracted',
      data: { recordId: id, kind, reason: 'Duplicate of another record' },
    } as RecordEvent;

    it('is created by its creation command', () => {
      spec.given([]).when(createCommand(kind), known).then([created]);
    });

    it('is created once (ALREADY_EXISTS)', () => {
      spec.given([created]).when(createCommand(kind), known).thenThrows('ALREADY_EXISTS', 'recordId');
    });

    it('is not created without a source (SOURCE_REQUIRED)', () => {
      spec
        .given([])
        .when(createCommand(kind, { sources: [] }), known)
        .thenThrows('SOURCE_REQUIRED', 'sources');
    });

    it('is not created with an unknown country (INVALID_COUNTRY)', () => {
      const countries = [...CREATIONS[kind].fields.countries, { code: 'XX', role: 'MENTIONED' }];
      spec.given([]).when(createCommand(kind, { countries }), known).thenThrows('INVALID_COUNTRY');
    });

    it('is not created as having occurred after today (INVALID_DATE)', () => {
      spec
        .given([])
        .when(createCommand(kind), { ...known, today: '2020-01-01' })
        .thenThrows('INVALID_DATE', 'occurred');
    });

    it('is not created without a valid UUID (VALIDATION_FAILED)', () => {
      spec
        .given([])
        .when(createCommand(kind, { recordId: 'record-1' }), known)
        .thenThrows('VALIDATION_FAILED', 'recordId');
    });

    it('is corrected with the changed fields only, validated as at creation', () => {
      const sources = [ARTICLE, SECOND_SOURCE];
      spec
        .given([created])
        .when({
          type: 'CorrectRecord',
          recordId: id,
          changes: { sources, confidence: CREATIONS[kind].fields.confidence },
          reason: 'A second source',
        })
        .then([
          {
            type: 'RecordCorrected',
            data: { recordId: id, kind, changes: { sources }, reason: 'A second source' },
          } as RecordEvent,
        ]);
      spec
        .given([created])
        .when({ type: 'CorrectRecord', recordId: id, changes: { sources: [] }, reason: 'Oops' })
        .thenThrows('SOURCE_REQUIRED', 'sources');
    });

    it('is retracted with a reason, then accepts nothing but a correction of its retraction', () => {
      spec
        .given([created])
        .when({ type: 'RetractRecord', recordId: id, reason: 'Duplicate of another record' })
        .then([retracted]);
      spec
        .given([created, retracted])
        .when({ type: 'CorrectRecord', recordId: id, changes: { confidence: 'DISPUTED' }, reason: 'x' })
        .thenThrows('RECORD_RETRACTED', 'recordId');
      spec
        .given([created, retracted])
        .when({ type: 'RetractRecord', recordId: id, reason: 'again' })
        .thenThrows('RECORD_RETRACTED');
    });

    it('is reinstated when its retraction is corrected', () => {
      const state = spec
        .given([created, retracted])
        .when({
          type: 'CorrectRetraction',
          recordId: id,
          reason: 'Not a duplicate after all',
          reinstate: true,
        })
        .then([
          {
            type: 'RetractionCorrected',
            data: { recordId: id, kind, reason: 'Not a duplicate after all', reinstated: true },
          } as RecordEvent,
        ]);
      expect(state).toEqual(recordsDecider.evolve(recordsDecider.initialState(), created));
    });
  });
});

describe('routing', () => {
  it('refuses a command of another kind (KIND_MISMATCH)', () => {
    spec
      .given([createdEvent('MEETING')])
      .when({
        type: 'DissolveTaskForce',
        recordId: IDS.meeting,
        on: { date: '2025', precision: 'YEAR' },
        sources: [ARTICLE],
      })
      .thenThrows('KIND_MISMATCH', 'recordId');
  });

  it('refuses a creation command on another kind of record as KIND_MISMATCH, not ALREADY_EXISTS', () => {
    spec
      .given([createdEvent('MEETING')])
      .when(createCommand('STATEMENT', { recordId: IDS.meeting }))
      .thenThrows('KIND_MISMATCH');
  });

  it('refuses anything but a creation on a record that does not exist (UNKNOWN_RECORD)', () => {
    spec
      .given([])
      .when({ type: 'RetractRecord', recordId: IDS.other, reason: 'x' })
      .thenThrows('UNKNOWN_RECORD', 'recordId');
    spec
      .given([])
      .when({
        type: 'DissolveTaskForce',
        recordId: IDS.other,
        on: { date: '2025', precision: 'YEAR' },
        sources: [ARTICLE],
      })
      .thenThrows('UNKNOWN_RECORD', 'recordId');
  });

  it('refuses an unknown command type', () => {
    spec
      .given([])
      .when({ type: 'DeleteRecord', recordId: IDS.other } as never)
      .thenThrows('VALIDATION_FAILED', 'type');
  });

  it('refuses to decide on a malformed clock (a programming error, not a domain error)', () => {
    expect(() =>
      decideRecord(createCommand('STATEMENT'), [], { today: '2025-6-30', records: new Map() }),
    ).toThrow(TypeError);
  });

  it('decides from a raw history with decideRecord', () => {
    expect(decideRecord(createCommand('STATEMENT'), [], { today: '2025-06-30', records: new Map() })).toEqual(
      [createdEvent('STATEMENT')],
    );
  });
});

describe('registry', () => {
  it('names one stream per record', () => {
    expect(recordStreamName(IDS.meeting)).toBe(`record-${IDS.meeting}`);
    expect(recordIdFromStream(recordStreamName(IDS.meeting))).toBe(IDS.meeting);
    expect(recordIdFromStream('$projections')).toBeUndefined();
  });

  it('derives the kind from the first event of a stream', () => {
    for (const kind of RECORD_KINDS) expect(kindOfStream([createdEvent(kind)])).toBe(kind);
    expect(kindOfStream([])).toBeUndefined();
    expect(() => kindOfStream([{ type: 'RecordRetracted' }])).toThrow(/creation event/);
  });

  it('derives the kind of any event, common ones from their data', () => {
    expect(kindOfEvent({ type: 'DetentionCharged', data: {} })).toBe('DETENTION');
    expect(kindOfEvent({ type: 'RecordCorrected', data: { kind: 'FIGURE' } })).toBe('FIGURE');
    expect(kindOfEvent({ type: 'Unknown', data: null })).toBeUndefined();
  });

  it('lists every event and command type once', () => {
    expect(new Set(RECORD_EVENT_TYPES).size).toBe(RECORD_EVENT_TYPES.length);
    expect(RECORD_EVENT_TYPES).toHaveLength(29);
    expect(RECORD_COMMAND_TYPES).toHaveLength(29);
  });

  it('says which records a command references, for the application to look up', () => {
    expect(referencedRecordIds(createCommand('COMMITMENT'))).toEqual([IDS.meeting]);
    expect(referencedRecordIds(createCommand('FIGURE', { disputes: IDS.other }))).toEqual([IDS.other]);
    expect(
      referencedRecordIds({
        type: 'LinkEvidence',
        recordId: IDS.commitment,
        evidenceId: IDS.taskForce,
        relation: 'SUPPORTS',
      }),
    ).toEqual([IDS.taskForce]);
    expect(
      referencedRecordIds({
        type: 'CorrectRecord',
        recordId: IDS.commitment,
        changes: { statementId: IDS.statement },
        reason: 'x',
      }),
    ).toEqual([IDS.statement]);
    expect(referencedRecordIds(createCommand('MEETING'))).toEqual([]);
  });

  it('describes a referenced record from its stream', () => {
    const created: RecordEvent = createdEvent('TASK_FORCE');
    const retracted = {
      type: 'RecordRetracted',
      data: { recordId: IDS.taskForce, kind: 'TASK_FORCE', reason: 'x' },
    } as const;
    expect(describeRecord([])).toBeUndefined();
    expect(describeRecord([created])).toEqual(fact('TASK_FORCE', [{ code: 'KH', role: 'ACTING' }]));
    expect(describeRecord([created, retracted])).toEqual(
      fact('TASK_FORCE', [{ code: 'KH', role: 'ACTING' }], true),
    );
  });
});
