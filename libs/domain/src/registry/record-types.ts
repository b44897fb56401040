import type { ActorCommand } from '../actor/actor.commands.js';
import type { ActorState } from '../actor/actor.decider.js';
import type { ActorEvent } from '../actor/actor.events.js';
import type { AllegationCommand } from '../allegation/allegation.commands.js';
import type { AllegationState } from '../allegation/allegation.decider.js';
import type { AllegationEvent } from '../allegation/allegation.events.js';
import type { ArrestCommand } from '../arrest/arrest.commands.js';
import type { ArrestState } from '../arrest/arrest.decider.js';
import type { ArrestEvent } from '../arrest/arrest.events.js';
import type { CommitmentCommand } from '../commitment/commitment.commands.js';
import type { CommitmentState } from '../commitment/commitment.decider.js';
import type { CommitmentEvent } from '../commitment/commitment.events.js';
import type { DetentionCommand } from '../detention/detention.commands.js';
import type { DetentionState } from '../detention/detention.decider.js';
import type { DetentionEvent } from '../detention/detention.events.js';
import type { FigureCommand } from '../figure/figure.commands.js';
import type { FigureState } from '../figure/figure.decider.js';
import type { FigureEvent } from '../figure/figure.events.js';
import type { MeetingCommand } from '../meeting/meeting.commands.js';
import type { MeetingState } from '../meeting/meeting.decider.js';
import type { MeetingEvent } from '../meeting/meeting.events.js';
import type { CommonRecordCommand } from '../shared/record-commands.js';
import type { RecordKind } from '../shared/record.js';
import type { ShutdownCommand } from '../shutdown/shutdown.commands.js';
import type { ShutdownState } from '../shutdown/shutdown.decider.js';
import type { ShutdownEvent } from '../shutdown/shutdown.events.js';
import type { StatementCommand } from '../statement/statement.commands.js';
import type { StatementState } from '../statement/statement.decider.js';
import type { StatementEvent } from '../statement/statement.events.js';
import type { TaskForceCommand } from '../task-force/task-force.commands.js';
import type { TaskForceState } from '../task-force/task-force.decider.js';
import type { TaskForceEvent } from '../task-force/task-force.events.js';

/** Per kind: its own commands (without the common ones), its events (with the common ones), its state. */
export interface RecordKindTypes {
  MEETING: { command: MeetingCommand; event: MeetingEvent; state: MeetingState };
  COMMITMENT: { command: CommitmentCommand; event: CommitmentEvent; state: CommitmentState };
  TASK_FORCE: { command: TaskForceCommand; event: TaskForceEvent; state: TaskForceState };
  ARREST: { command: ArrestCommand; event: ArrestEvent; state: ArrestState };
  DETENTION: { command: DetentionCommand; event: DetentionEvent; state: DetentionState };
  SHUTDOWN: { command: ShutdownCommand; event: ShutdownEvent; state: ShutdownState };
  FIGURE: { command: FigureCommand; event: FigureEvent; state: FigureState };
  STATEMENT: { command: StatementCommand; event: StatementEvent; state: StatementState };
  ACTOR: { command: ActorCommand; event: ActorEvent; state: ActorState };
  ALLEGATION: { command: AllegationCommand; event: AllegationEvent; state: AllegationState };
}

export type CommandOf<K extends RecordKind> = RecordKindTypes[K]['command'] | CommonRecordCommand;
export type EventOf<K extends RecordKind> = RecordKindTypes[K]['event'];
export type StateOf<K extends RecordKind> = RecordKindTypes[K]['state'];

/** Every command the domain accepts. */
export type RecordCommand = RecordKindTypes[RecordKind]['command'] | CommonRecordCommand;
/** Every event the domain produces. */
export type RecordEvent = RecordKindTypes[RecordKind]['event'];
export type RecordCommandType = RecordCommand['type'];
export type RecordEventType = RecordEvent['type'];
