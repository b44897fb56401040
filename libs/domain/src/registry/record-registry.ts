import { actorDecider } from '../actor/actor.decider.js';
import { allegationDecider } from '../allegation/allegation.decider.js';
import { arrestDecider } from '../arrest/arrest.decider.js';
import { commitmentDecider } from '../commitment/commitment.decider.js';
import { detentionDecider } from '../detention/detention.decider.js';
import { figureDecider } from '../figure/figure.decider.js';
import { meetingDecider } from '../meeting/meeting.decider.js';
import type { Decider } from '../shared/decider.js';
import { COMMON_COMMAND_TYPES } from '../shared/record-commands.js';
import { COMMON_EVENT_TYPES } from '../shared/record-events.js';
import type { RecordKind } from '../shared/record.js';
import { shutdownDecider } from '../shutdown/shutdown.decider.js';
import { statementDecider } from '../statement/statement.decider.js';
import { taskForceDecider } from '../task-force/task-force.decider.js';
import type { CommandOf, EventOf, RecordCommandType, RecordEventType, StateOf } from './record-types.js';

/** Kind → its decider. The application layer needs only `recordsDecider` (record-decider.ts) on top. */
export const DECIDERS: { readonly [K in RecordKind]: Decider<CommandOf<K>, EventOf<K>, StateOf<K>> } = {
  MEETING: meetingDecider,
  COMMITMENT: commitmentDecider,
  TASK_FORCE: taskForceDecider,
  ARREST: arrestDecider,
  DETENTION: detentionDecider,
  SHUTDOWN: shutdownDecider,
  FIGURE: figureDecider,
  STATEMENT: statementDecider,
  ACTOR: actorDecider,
  ALLEGATION: allegationDecider,
};

type KindSpecificCommandType = Exclude<RecordCommandType, (typeof COMMON_COMMAND_TYPES)[number]>;
type KindSpecificEventType = Exclude<RecordEventType, (typeof COMMON_EVENT_TYPES)[number]>;

/** Command type → the kind it belongs to. The common commands (CorrectRecord...) belong to every kind. */
export const COMMAND_KINDS: { readonly [T in KindSpecificCommandType]: RecordKind } = {
  RecordMeeting: 'MEETING',
  MakeCommitment: 'COMMITMENT',
  AssessCommitment: 'COMMITMENT',
  LinkEvidence: 'COMMITMENT',
  UnlinkEvidence: 'COMMITMENT',
  SetImplementationStatus: 'COMMITMENT',
  CreateTaskForce: 'TASK_FORCE',
  DissolveTaskForce: 'TASK_FORCE',
  ReportArrest: 'ARREST',
  UpdateArrestFigures: 'ARREST',
  ReportDetention: 'DETENTION',
  ChargeDetention: 'DETENTION',
  ReleaseDetentionOnBail: 'DETENTION',
  ReleaseDetention: 'DETENTION',
  ConvictDetention: 'DETENTION',
  AcquitDetention: 'DETENTION',
  DropDetentionCharges: 'DETENTION',
  AddDetentionNote: 'DETENTION',
  ReportShutdown: 'SHUTDOWN',
  ReportFigure: 'FIGURE',
  RecordStatement: 'STATEMENT',
  RecordActor: 'ACTOR',
  MergeActor: 'ACTOR',
  RecordAllegation: 'ALLEGATION',
  LinkAllegationEvidence: 'ALLEGATION',
  UnlinkAllegationEvidence: 'ALLEGATION',
};

/** The command that creates each kind. */
export const CREATION_COMMANDS = {
  MEETING: 'RecordMeeting',
  COMMITMENT: 'MakeCommitment',
  TASK_FORCE: 'CreateTaskForce',
  ARREST: 'ReportArrest',
  DETENTION: 'ReportDetention',
  SHUTDOWN: 'ReportShutdown',
  FIGURE: 'ReportFigure',
  STATEMENT: 'RecordStatement',
  ACTOR: 'RecordActor',
  ALLEGATION: 'RecordAllegation',
} as const satisfies { readonly [K in RecordKind]: KindSpecificCommandType };

/** The event that opens each kind's stream. */
export const CREATION_EVENTS = {
  MEETING: 'MeetingRecorded',
  COMMITMENT: 'CommitmentMade',
  TASK_FORCE: 'TaskForceCreated',
  ARREST: 'ArrestReported',
  DETENTION: 'JournalistDetained',
  SHUTDOWN: 'ShutdownReported',
  FIGURE: 'FigureReported',
  STATEMENT: 'StatementRecorded',
  ACTOR: 'ActorRecorded',
  ALLEGATION: 'AllegationRecorded',
} as const satisfies { readonly [K in RecordKind]: KindSpecificEventType };

/** Event type → kind, for every kind-specific event type. The common ones carry `data.kind`. */
export const EVENT_KINDS: { readonly [T in KindSpecificEventType]: RecordKind } = {
  MeetingRecorded: 'MEETING',
  CommitmentMade: 'COMMITMENT',
  CommitmentAssessed: 'COMMITMENT',
  EvidenceLinked: 'COMMITMENT',
  EvidenceUnlinked: 'COMMITMENT',
  ImplementationStatusSet: 'COMMITMENT',
  TaskForceCreated: 'TASK_FORCE',
  TaskForceDissolved: 'TASK_FORCE',
  ArrestReported: 'ARREST',
  ArrestFiguresUpdated: 'ARREST',
  JournalistDetained: 'DETENTION',
  DetentionCharged: 'DETENTION',
  DetentionReleasedOnBail: 'DETENTION',
  DetentionReleased: 'DETENTION',
  DetentionConvicted: 'DETENTION',
  DetentionAcquitted: 'DETENTION',
  DetentionChargesDropped: 'DETENTION',
  DetentionNoteAdded: 'DETENTION',
  ShutdownReported: 'SHUTDOWN',
  FigureReported: 'FIGURE',
  StatementRecorded: 'STATEMENT',
  ActorRecorded: 'ACTOR',
  ActorMerged: 'ACTOR',
  AllegationRecorded: 'ALLEGATION',
  AllegationEvidenceLinked: 'ALLEGATION',
  AllegationEvidenceUnlinked: 'ALLEGATION',
};

/**
 * Ids a command carries that the application makes when the caller gives none, as it makes a creation's
 * `recordId`: an assessment's id (assessments are kept side by side). Made from the command's own ids, so
 * a retried command with its idempotency key carries the very same ones.
 */
export const GENERATED_IDS: { readonly [T in RecordCommandType]?: readonly string[] } = {
  AssessCommitment: ['assessmentId'],
};

/** Every event type the domain emits, for projections that declare what they handle. */
export const RECORD_EVENT_TYPES: readonly RecordEventType[] = [
  ...(Object.keys(EVENT_KINDS) as KindSpecificEventType[]),
  ...COMMON_EVENT_TYPES,
];

/** Every command type, for the transport layer's routing. */
export const RECORD_COMMAND_TYPES: readonly RecordCommandType[] = [
  ...(Object.keys(COMMAND_KINDS) as KindSpecificCommandType[]),
  ...COMMON_COMMAND_TYPES,
];

/** The kind a command belongs to, or undefined for a common command (or an unknown type). */
export function kindOfCommand(type: string): RecordKind | undefined {
  return Object.hasOwn(COMMAND_KINDS, type) ? COMMAND_KINDS[type as KindSpecificCommandType] : undefined;
}

/** The kind an event belongs to: by its type, or by `data.kind` for the common events. */
export function kindOfEvent(event: {
  readonly type: string;
  readonly data: unknown;
}): RecordKind | undefined {
  if (Object.hasOwn(EVENT_KINDS, event.type)) return EVENT_KINDS[event.type as KindSpecificEventType];
  const kind = (event.data as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && Object.hasOwn(DECIDERS, kind) ? (kind as RecordKind) : undefined;
}

/** The kind of a record stream, from its first event (which always creates the record). */
export function kindOfStream(events: readonly { readonly type: string }[]): RecordKind | undefined {
  const first = events[0];
  if (first === undefined) return undefined;
  const kind = (Object.entries(CREATION_EVENTS) as [RecordKind, string][]).find(
    ([, type]) => type === first.type,
  );
  if (kind === undefined)
    throw new Error(`a record stream must start with a creation event, not ${first.type}`);
  return kind[0];
}
