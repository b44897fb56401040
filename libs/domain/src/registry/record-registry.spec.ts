import { describe, expect, it } from '@jest/globals';
import {
  COMMAND_KINDS,
  CREATION_COMMANDS,
  CREATION_EVENTS,
  EVENT_KINDS,
  kindOfCommand,
  kindOfEvent,
  RECORD_COMMAND_TYPES,
  RECORD_EVENT_TYPES,
} from './record-registry.js';

// The tables every layer routes by, written out here (not derived from themselves): a wrong entry in one
// fails a line below.
const COMMANDS_BY_KIND = {
  MEETING: ['RecordMeeting'],
  COMMITMENT: [
    'MakeCommitment',
    'AssessCommitment',
    'LinkEvidence',
    'UnlinkEvidence',
    'SetImplementationStatus',
  ],
  TASK_FORCE: ['CreateTaskForce', 'DissolveTaskForce'],
  ARREST: ['ReportArrest', 'UpdateArrestFigures'],
  DETENTION: [
    'ReportDetention',
    'ChargeDetention',
    'ReleaseDetentionOnBail',
    'ReleaseDetention',
    'ConvictDetention',
    'AcquitDetention',
    'DropDetentionCharges',
    'AddDetentionNote',
  ],
  SHUTDOWN: ['ReportShutdown'],
  FIGURE: ['ReportFigure'],
  STATEMENT: ['RecordStatement'],
  ACTOR: ['RecordActor', 'MergeActor'],
  ALLEGATION: ['RecordAllegation', 'LinkAllegationEvidence', 'UnlinkAllegationEvidence'],
};

const EVENTS_BY_KIND = {
  MEETING: ['MeetingRecorded'],
  COMMITMENT: [
    'CommitmentMade',
    'CommitmentAssessed',
    'EvidenceLinked',
    'EvidenceUnlinked',
    'ImplementationStatusSet',
  ],
  TASK_FORCE: ['TaskForceCreated', 'TaskForceDissolved'],
  ARREST: ['ArrestReported', 'ArrestFiguresUpdated'],
  DETENTION: [
    'JournalistDetained',
    'DetentionCharged',
    'DetentionReleasedOnBail',
    'DetentionReleased',
    'DetentionConvicted',
    'DetentionAcquitted',
    'DetentionChargesDropped',
    'DetentionNoteAdded',
  ],
  SHUTDOWN: ['ShutdownReported'],
  FIGURE: ['FigureReported'],
  STATEMENT: ['StatementRecorded'],
  ACTOR: ['ActorRecorded', 'ActorMerged'],
  ALLEGATION: ['AllegationRecorded', 'AllegationEvidenceLinked', 'AllegationEvidenceUnlinked'],
};

const COMMON_COMMANDS = ['CorrectRecord', 'RetractRecord', 'CorrectRetraction'];
const COMMON_EVENTS = ['RecordCorrected', 'RecordRetracted', 'RetractionCorrected'];

describe('the record registry', () => {
  it('knows the kind of every kind-specific command, and of none other', () => {
    for (const [kind, types] of Object.entries(COMMANDS_BY_KIND)) {
      for (const type of types) expect([type, kindOfCommand(type)]).toEqual([type, kind]);
    }
    expect(Object.keys(COMMAND_KINDS).sort()).toEqual(Object.values(COMMANDS_BY_KIND).flat().sort());
    for (const type of [...COMMON_COMMANDS, 'toString', '__proto__', 'constructor', '']) {
      expect(kindOfCommand(type)).toBeUndefined();
    }
    expect([...RECORD_COMMAND_TYPES].sort()).toEqual(
      [...Object.values(COMMANDS_BY_KIND).flat(), ...COMMON_COMMANDS].sort(),
    );
  });

  it('knows the kind of every kind-specific event, and of a common one by its data', () => {
    for (const [kind, types] of Object.entries(EVENTS_BY_KIND)) {
      for (const type of types) expect([type, kindOfEvent({ type, data: {} })]).toEqual([type, kind]);
    }
    expect(Object.keys(EVENT_KINDS).sort()).toEqual(Object.values(EVENTS_BY_KIND).flat().sort());
    expect(kindOfEvent({ type: 'RecordRetracted', data: { kind: 'FIGURE' } })).toBe('FIGURE');
    for (const data of [{ kind: 'NOT_A_KIND' }, { kind: 7 }, { kind: 'toString' }, {}, null]) {
      expect(kindOfEvent({ type: 'RecordRetracted', data })).toBeUndefined();
    }
    expect(kindOfEvent({ type: 'SomethingElse', data: {} })).toBeUndefined();
    expect([...RECORD_EVENT_TYPES].sort()).toEqual(
      [...Object.values(EVENTS_BY_KIND).flat(), ...COMMON_EVENTS].sort(),
    );
  });

  it('names the command that creates each kind and the event that opens its stream', () => {
    expect(CREATION_COMMANDS).toEqual(
      Object.fromEntries(Object.entries(COMMANDS_BY_KIND).map(([kind, types]) => [kind, types[0]])),
    );
    expect(CREATION_EVENTS).toEqual(
      Object.fromEntries(Object.entries(EVENTS_BY_KIND).map(([kind, types]) => [kind, types[0]])),
    );
  });
});
