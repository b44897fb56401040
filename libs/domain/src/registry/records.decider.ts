import type { CountryInvolvement } from '../shared/country.js';
import { type Decider, type DecisionContext, fold, type RecordFact } from '../shared/decider.js';
import { KindMismatchError, UnknownRecordError, ValidationFailedError } from '../shared/errors.js';
import { isCommonRecordCommand } from '../shared/record-commands.js';
import { isLive, isRetracted, type LiveRecord, type RecordState } from '../shared/record-decider.js';
import type { RecordKind } from '../shared/record.js';
import type { ActorLive } from '../actor/actor.decider.js';
import { DECIDERS, kindOfCommand, kindOfStream } from './record-registry.js';
import type { RecordCommand, RecordEvent, StateOf } from './record-types.js';

/** A record stream folded: nothing yet, or a kind and that kind's state. */
export type AnyRecordState =
  | { readonly kind: undefined }
  | { readonly [K in RecordKind]: { readonly kind: K; readonly state: StateOf<K> } }[RecordKind];

// The registry is heterogeneous; past this point each kind's decider is only ever given its own
// commands and events (the routing below guarantees it), so one loose type is enough.
type LooseDecider = Decider<RecordCommand, RecordEvent, unknown>;
const deciderOf = (kind: RecordKind) => DECIDERS[kind] as unknown as LooseDecider;

/**
 * One decider over every kind: the application's single handler path is
 *   events = readStream(recordStreamName(id)); state = fold(recordsDecider, events);
 *   newEvents = recordsDecider.decide(command, state, context); append(newEvents, expectedRevision)
 * It picks the kind from the stream's first event (or, for a new stream, from the creation command),
 * and refuses a command of another kind (KIND_MISMATCH) or of no known type (VALIDATION_FAILED on `type`).
 */
export const recordsDecider: Decider<RecordCommand, RecordEvent, AnyRecordState> = {
  initialState: () => ({ kind: undefined }),

  evolve(current, event) {
    const kind = current.kind ?? kindOfStream([event]);
    if (kind === undefined) return current;
    const decider = deciderOf(kind);
    const state = current.kind === undefined ? decider.initialState() : current.state;
    return { kind, state: decider.evolve(state, event) } as AnyRecordState;
  },

  decide(command, current, context) {
    const commandKind = kindOfCommand(command.type);
    if (commandKind === undefined && !isCommonRecordCommand(command)) {
      throw new ValidationFailedError(`unknown command type ${JSON.stringify(command.type)}`, 'type');
    }
    if (current.kind === undefined) {
      if (commandKind === undefined)
        throw new UnknownRecordError(`no record ${command.recordId}`, 'recordId');
      const decider = deciderOf(commandKind);
      return decider.decide(command, decider.initialState(), context);
    }
    if (commandKind !== undefined && commandKind !== current.kind) {
      throw new KindMismatchError(
        `${command.type} applies to ${commandKind} records; record ${command.recordId} is a ${current.kind}`,
        'recordId',
      );
    }
    return deciderOf(current.kind).decide(command, current.state, context);
  },
};

/** Folds a record's stream and decides: the whole domain step of a command. */
export function decideRecord(
  command: RecordCommand,
  history: readonly RecordEvent[],
  context: DecisionContext,
): RecordEvent[] {
  return recordsDecider.decide(command, fold(recordsDecider, history), context);
}

/** What a command references must be looked up before deciding: read these ids' streams and `describeRecord` each. */
export function referencedRecordIds(command: RecordCommand): string[] {
  const input = command as unknown as Record<string, unknown>;
  const source = command.type === 'CorrectRecord' ? (command.changes ?? {}) : input;
  const keys = REFERENCE_KEYS[command.type] ?? [];
  const ids = [
    ...keys.flatMap((key) => (Array.isArray(source[key]) ? (source[key] as unknown[]) : [source[key]])),
    // Actors named inside lists: a source's publisher, a detained person.
    ...nested(source.sources, 'publisherId'),
    ...nested(source.persons, 'actorId'),
  ].filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)].slice(0, MAX_REFERENCES);
}

/** `key` of each object in `list`, when it is a list (bounded, as every input list is). */
function nested(list: unknown, key: string): unknown[] {
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_REFERENCES).map((item) => (item as Record<string, unknown> | null)?.[key]);
}

/** Fields of a command that name other records (a list of ids counts each). */
const RECORD_REFERENCES = [
  'meetingId',
  'statementId',
  'disputes',
  'speakerId',
  'claimantId',
  'outletId',
  'memberAgencyIds',
];
const REFERENCE_KEYS: Readonly<Record<string, readonly string[]>> = {
  LinkEvidence: ['evidenceId'],
  LinkAllegationEvidence: ['evidenceId'],
  MergeActor: ['into'],
  MakeCommitment: RECORD_REFERENCES,
  ReportFigure: RECORD_REFERENCES,
  RecordStatement: RECORD_REFERENCES,
  ReportDetention: RECORD_REFERENCES,
  CreateTaskForce: RECORD_REFERENCES,
  AssessCommitment: ['assessorId'],
  RecordAllegation: ['allegedBy', 'about'],
  CorrectRecord: [...RECORD_REFERENCES, 'allegedBy', 'about'],
};
/** Most records one command may make the application read first (an allegation's actors are bounded too). */
const MAX_REFERENCES = 32;

/** The fact a referencing command needs about a record, from its stream; undefined when it has no events. */
export function describeRecord(history: readonly RecordEvent[]): RecordFact | undefined {
  const folded = fold(recordsDecider, history);
  if (folded.kind === undefined) return undefined;
  const state = folded.state as RecordState<LiveRecord<{ countries: readonly CountryInvolvement[] }>>;
  const live = isLive(state) ? state : isRetracted(state) ? state.live : undefined;
  if (live === undefined) return undefined;
  const fact = { kind: folded.kind, retracted: !isLive(state), countries: live.fields.countries };
  if (folded.kind !== 'ACTOR') return fact;
  const actor = live as unknown as ActorLive;
  return {
    ...fact,
    actorType: actor.fields.actorType,
    ...(actor.status === 'merged' ? { mergedInto: actor.merger.into } : {}),
  };
}
