import type { Decider, DecisionContext, DomainCommand, DomainEvent } from './decider.js';
import {
  AlreadyExistsError,
  InvalidDateError,
  InvalidTransitionError,
  KindMismatchError,
  RecordRetractedError,
  UnknownRecordError,
  ValidationFailedError,
} from './errors.js';
import { type IsoDay, isIsoDay, type Occurred, startDay } from './occurred.js';
import { parseBoolean, parseId, parseObject, parseText, sameJson } from './fields.js';
import type { CommonRecordCommand } from './record-commands.js';
import type { CommonRecordEvent, RecordCorrected } from './record-events.js';
import type { RecordKind } from './record.js';
import { requireActor } from './references.js';
import type { Source } from './source.js';

/** A record that exists and is not retracted; each kind narrows `status` to its own lifecycle. */
export interface LiveRecord<F> {
  readonly status: string;
  readonly recordId: string;
  /** The record's descriptive fields, as created and corrected. */
  readonly fields: F;
  /** Start day of the record's latest dated step (dissolved, charged, assessed...), if it had one. */
  readonly lastStepDay?: IsoDay;
}

export interface AbsentRecord {
  readonly status: 'absent';
}

/** A retracted record keeps what it was, so a mistaken retraction can be undone. */
export interface RetractedRecord<L> {
  readonly status: 'retracted';
  readonly reason: string;
  readonly live: L;
}

export type RecordState<L> = AbsentRecord | L | RetractedRecord<L>;

/** Transport input sends `null` for an omitted optional field; commands accept it. */
export type Nullable<T> = { readonly [K in keyof T]: undefined extends T[K] ? T[K] | null : T[K] };

/** The command that creates a record: its id and its fields, flat. */
export type CreateCommand<T extends string, F> = DomainCommand<T> & Nullable<F>;

/** The event that creates a record: its id and its validated, normalised fields, flat. */
export type CreatedEvent<T extends string, F> = DomainEvent<T, { readonly recordId: string } & F>;

/** What a kind tells the shared machinery (creation, correction, retraction) about itself. */
export interface RecordKindSpec<
  K extends RecordKind,
  F extends object,
  L extends LiveRecord<F>,
  CT extends string,
  ET extends string,
  C extends DomainCommand,
  E extends DomainEvent,
> {
  readonly kind: K;
  readonly createCommand: CT;
  readonly createdEvent: ET;
  /** The kind's lifecycle command types (besides creation and the common ones), for routing. */
  readonly commands: readonly C['type'][];
  /** Fields a correction may change. */
  readonly correctable: readonly (keyof F & string)[];
  /**
   * Validates and normalises a whole record's fields: a creation's input, or the current fields merged
   * with a correction (then `current` is the record as it is, so unchanged references need no re-check).
   */
  parseFields(input: Readonly<Record<string, unknown>>, context: DecisionContext, current?: L): F;
  /** The live state right after creation. */
  born(recordId: string, fields: F): L;
  /** The kind's own lifecycle commands, on a live record. */
  decide(command: C, live: L, context: DecisionContext): E[];
  evolve(live: L, event: E): L;
  /** Keeps state derived from fields in step after a correction (e.g. a commitment's signatories). */
  corrected?(live: L, previous: F): L;
}

/** `CC`: the creation command, when its input differs from the fields (e.g. a defaulted field). */
export type KindDecider<
  K extends RecordKind,
  F,
  L,
  CT extends string,
  ET extends string,
  C,
  E,
  CC extends DomainCommand<CT> = CreateCommand<CT, F>,
> = Decider<CC | C | CommonRecordCommand, CreatedEvent<ET, F> | E | CommonRecordEvent<K, F>, RecordState<L>>;

export function isLive<L extends LiveRecord<unknown>>(state: RecordState<L>): state is L {
  return state.status !== 'absent' && state.status !== 'retracted';
}

export function isRetracted<L>(state: RecordState<L>): state is RetractedRecord<L> {
  return (state as { status: string }).status === 'retracted';
}

/**
 * Builds a kind's decider from its spec. The rules every kind shares live here once: a record is created
 * once, nothing happens to a record that does not exist, a retracted record accepts nothing but a
 * correction of its retraction, and a correction is validated like a creation.
 */
export function recordDecider<
  K extends RecordKind,
  F extends object,
  L extends LiveRecord<F>,
  CT extends string,
  ET extends string,
  C extends DomainCommand,
  E extends DomainEvent,
  CC extends DomainCommand<CT> = CreateCommand<CT, F>,
>(spec: RecordKindSpec<K, F, L, CT, ET, C, E>): KindDecider<K, F, L, CT, ET, C, E, CC> {
  type Command = CC | C | CommonRecordCommand;
  type Event = CreatedEvent<ET, F> | E | CommonRecordEvent<K, F>;
  type State = RecordState<L>;

  function decide(command: Command, state: State, context: DecisionContext): Event[] {
    // A malformed clock would make every date rule compare strings wrongly and silently: fail loudly.
    if (!isIsoDay(context.today))
      throw new TypeError(`context.today must be YYYY-MM-DD, not ${context.today}`);
    if (command.type === spec.createCommand) {
      if (state.status !== 'absent') {
        throw new AlreadyExistsError(`record ${command.recordId} already exists`, 'recordId');
      }
      const recordId = parseId(command.recordId, 'recordId');
      const { type: _type, recordId: _id, ...input } = command as DomainCommand & Record<string, unknown>;
      const fields = spec.parseFields(input, context);
      checkPublishers(fields as { sources?: readonly Source[] }, context);
      return [{ type: spec.createdEvent, data: { recordId, ...fields } } as Event];
    }
    if (state.status === 'absent') {
      throw new UnknownRecordError(`no ${spec.kind} record ${command.recordId}`, 'recordId');
    }
    if (command.type === 'CorrectRetraction') return correctRetraction(command as CommonRecordCommand, state);
    if (isRetracted(state)) {
      throw new RecordRetractedError(
        `record ${command.recordId} is retracted; only its retraction can be corrected`,
        'recordId',
      );
    }
    const live = state as L;
    if (command.type === 'CorrectRecord') return correct(command as CommonRecordCommand, live, context);
    if (command.type === 'RetractRecord') {
      const reason = parseText((command as CommonRecordCommand).reason, 'reason');
      return [{ type: 'RecordRetracted', data: { recordId: live.recordId, kind: spec.kind, reason } }];
    }
    if (!(spec.commands as readonly string[]).includes(command.type)) {
      throw new KindMismatchError(`${command.type} does not apply to a ${spec.kind} record`, 'type');
    }
    return spec.decide(command as C, live, context);
  }

  function correct(command: CommonRecordCommand, live: L, context: DecisionContext): Event[] {
    const input = parseObject((command as { changes?: unknown }).changes, 'changes');
    const keys = Object.keys(input);
    if (keys.length === 0) throw new ValidationFailedError('changes must name at least one field', 'changes');
    for (const key of keys) {
      if (!(spec.correctable as readonly string[]).includes(key)) {
        throw new ValidationFailedError(
          `${key} is not a correctable field of a ${spec.kind} record (correctable: ${spec.correctable.join(', ')})`,
          `changes.${key}`,
        );
      }
    }
    const reason = parseText(command.reason, 'reason');
    const merged: Record<string, unknown> = { ...(live.fields as Record<string, unknown>) };
    for (const key of keys) merged[key] = input[key];
    const fields = spec.parseFields(merged, context, live) as Record<string, unknown>;
    checkPublishers(
      fields as { sources?: readonly Source[] },
      context,
      live.fields as { sources?: readonly Source[] },
    );
    // History must stay in order: the record cannot start after a step that followed it.
    const occurred = fields.occurred as Occurred | undefined;
    if (occurred !== undefined && live.lastStepDay !== undefined && startDay(occurred) > live.lastStepDay) {
      throw new InvalidDateError(
        `occurred would start after the record's latest step (${live.lastStepDay})`,
        'occurred',
      );
    }
    const before = live.fields as Record<string, unknown>;
    // The event keeps only what differs, normalised, so `history` shows exactly what the correction did.
    const changes: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(fields)])) {
      if (!sameJson(before[key], fields[key])) changes[key] = fields[key] ?? null;
    }
    if (Object.keys(changes).length === 0) {
      throw new ValidationFailedError('the correction changes nothing', 'changes');
    }
    return [
      {
        type: 'RecordCorrected',
        data: { recordId: live.recordId, kind: spec.kind, changes, reason },
      } as Event,
    ];
  }

  function correctRetraction(command: CommonRecordCommand, state: State): Event[] {
    if (!isRetracted(state)) {
      throw new InvalidTransitionError(`record ${command.recordId} is not retracted`, 'recordId');
    }
    const input = command as { reason?: unknown; reinstate?: unknown; retractionReason?: unknown };
    const reason = parseText(input.reason, 'reason');
    const reinstated = parseBoolean(input.reinstate, 'reinstate');
    const data = { recordId: state.live.recordId, kind: spec.kind, reason, reinstated };
    if (reinstated) return [{ type: 'RetractionCorrected', data }];
    const retractionReason = parseText(input.retractionReason, 'retractionReason');
    return [{ type: 'RetractionCorrected', data: { ...data, retractionReason } }];
  }

  function evolve(state: State, event: Event): State {
    if (event.type === spec.createdEvent) {
      const { recordId, ...fields } = event.data as { recordId: string } & F;
      return spec.born(recordId, fields as unknown as F);
    }
    switch (event.type) {
      case 'RecordCorrected': {
        if (!isLive(state)) return state;
        const { changes } = (event as RecordCorrected<K, F>).data;
        const fields: Record<string, unknown> = { ...(state.fields as Record<string, unknown>) };
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) delete fields[key];
          else fields[key] = value;
        }
        const next = { ...state, fields: fields as F };
        return spec.corrected ? spec.corrected(next, state.fields) : next;
      }
      case 'RecordRetracted':
        if (!isLive(state)) return state;
        return { status: 'retracted', reason: (event.data as { reason: string }).reason, live: state };
      case 'RetractionCorrected': {
        if (!isRetracted(state)) return state;
        const data = event.data as { reinstated: boolean; retractionReason?: string };
        if (data.reinstated) return state.live;
        return { ...state, reason: data.retractionReason ?? state.reason };
      }
      default:
        return isLive(state) ? spec.evolve(state, event as E) : state;
    }
  }

  return { initialState: () => ({ status: 'absent' }), evolve, decide };
}

/**
 * A record's sources may name their publisher by id: each must be an actor (recorded, not retracted, not
 * merged away). Ids the record already held (a correction leaving them) need no new look-up.
 */
function checkPublishers(
  fields: { sources?: readonly Source[] },
  context: DecisionContext,
  current?: { sources?: readonly Source[] },
): void {
  const held = new Set((current?.sources ?? []).map((source) => source.publisherId));
  (fields.sources ?? []).forEach((source, i) => {
    if (source.publisherId !== undefined && !held.has(source.publisherId)) {
      requireActor(context, source.publisherId, `sources[${i}].publisherId`);
    }
  });
}
