import {
  decodeRecordEvent,
  describeRecord,
  EVENT_SCHEMA_VERSION,
  fold,
  GENERATED_IDS,
  recordsDecider,
  recordStreamName,
  referencedRecordIds,
  type RecordCommand,
  type RecordCommandType,
  type RecordEvent,
  type RecordFact,
  type RecordKind,
} from '@tracker/domain';
import canonicalizeModule from 'canonicalize';
import { createHash } from 'node:crypto';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type AppendResult,
  type EventToAppend,
  type Position,
  type RecordedEvent,
} from '@tracker/event-store';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from '../errors/tracking-errors.js';
import { commandIds, type CommandIds } from './command-ids.js';

// RFC 8785 canonical JSON; the package is CommonJS, whose typings name its export `default`.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** A command as callers send it: the record id may be left to the executor (a new record). */
export type RecordCommandInput = Omit<RecordCommand, 'recordId'> & { recordId?: string };

/** Who asks, and how to recognise a retry. */
export interface CommandMeta {
  /** The API token's name (or the CLI user): goes into every event's metadata. */
  actor: string;
  /** The API token's id, beside its name in the metadata: whose idempotency keys these are. */
  tokenId?: string;
  /** Same key from the same actor → same ids → a retried command records nothing twice. */
  idempotencyKey?: string;
  /**
   * The key is derived from the request itself (an import's file hash and line), so it can never come
   * with a different request: it is not bound to one (no IdempotencyKeyBound event, no look-up), and a
   * retry is still recognised by the command's own derived event ids.
   */
  keyDerivedFromRequest?: boolean;
  correlationId?: string;
  causationId?: string;
}

export interface CommandOutcome {
  recordId: string;
  kind: RecordKind;
  /** The events this command appended (empty for a no-op), or for a recognised retry those it had. */
  events: readonly Pick<RecordedEvent, 'id' | 'type' | 'data'>[];
  /** Where the record's stream now ends: wait for the read model to reach it to read your own write. */
  position: Position;
  /** True when an earlier attempt with the same idempotency key had already recorded this command. */
  replayed: boolean;
}

/** The ids the domain wants made for this command (GENERATED_IDS), where the caller gave none. */
function generatedIds(command: RecordCommandInput, ids: CommandIds): Record<string, string> {
  const fields = GENERATED_IDS[command.type as RecordCommandType] ?? [];
  const given = command as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((field) => given[field] == null).map((field) => [field, ids.generatedId(field)]),
  );
}

export interface RecordCommandExecutorOptions {
  store: EventStore;
  /** @defaultValue `() => new Date()` */
  clock?: () => Date;
  /** Attempts on a concurrent change before giving up with ConcurrencyConflictError. @defaultValue 5 */
  maxAttempts?: number;
}

/**
 * The one handler path for every command of every kind: read the record's stream, fold, decide, append
 * with the revision read. A concurrent append makes the append fail without writing; the command is
 * then decided again on the fresh stream, a bounded number of times.
 */
export class RecordCommandExecutor {
  private readonly clock: () => Date;
  private readonly maxAttempts: number;

  constructor(private readonly options: RecordCommandExecutorOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /**
   * Runs a command. `command.recordId` may be omitted for a creation: it is then generated (or derived
   * from the idempotency key). Throws DomainError for a refused command, ConcurrencyConflictError when
   * retries run out, and the store's errors (StoreUnavailableError) as they are.
   */
  async execute(command: RecordCommandInput, meta: CommandMeta): Promise<CommandOutcome> {
    const ids = commandIds(meta.tokenId ?? meta.actor, meta.idempotencyKey);
    const full = {
      ...generatedIds(command, ids),
      ...command,
      recordId: command.recordId ?? ids.recordId,
    } as RecordCommand;
    const stream = recordStreamName(full.recordId);
    // A key already bound to another request is refused before anything is decided.
    const key =
      meta.idempotencyKey === undefined || meta.keyDerivedFromRequest
        ? undefined
        : await this.checkKey(ids, meta, command);

    for (let attempt = 1; ; attempt++) {
      const past = await this.options.store.readStream(stream);
      const earlier =
        meta.idempotencyKey === undefined ? undefined : this.findEarlierAttempt(past, ids.eventId(0));
      if (earlier) return earlier;

      const history = past.map(toDomainEvent);
      const state = fold(recordsDecider, history);
      const context = { today: this.clock().toISOString().slice(0, 10), records: await this.lookUp(full) };
      const decided = recordsDecider.decide(full, state, context);
      // The state after the decision, from the state before it: one fold per command, not two.
      const kind = decided.reduce((folded, event) => recordsDecider.evolve(folded, event), state).kind!;
      const last = past.at(-1);
      if (decided.length === 0) {
        return { recordId: full.recordId, kind, events: [], position: last!.position, replayed: false };
      }
      // Bound only once the domain accepted the command: a refusal writes nothing, not even the key.
      if (key !== undefined && !key.bound) await this.bindKey(ids, meta, key.fingerprint, full.type);
      const toAppend: EventToAppend[] = decided.map((event, index) => ({
        id: ids.eventId(index),
        type: event.type,
        data: event.data,
        metadata: {
          actor: meta.actor,
          ...(meta.tokenId === undefined ? {} : { tokenId: meta.tokenId }),
          commandId: ids.commandId,
          commandType: full.type,
          schemaVersion: EVENT_SCHEMA_VERSION,
          ...(meta.idempotencyKey === undefined ? {} : { idempotencyKey: meta.idempotencyKey }),
          ...(meta.correlationId === undefined ? {} : { correlationId: meta.correlationId }),
          ...(meta.causationId === undefined ? {} : { causationId: meta.causationId }),
        },
      }));
      let appended: AppendResult;
      try {
        appended = await this.options.store.append(stream, toAppend, {
          expectedRevision: last === undefined ? 'no_stream' : last.revision,
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= this.maxAttempts) throw new ConcurrencyConflictError(full.recordId, attempt);
        continue;
      }
      // The append says where it ended; nothing is read back.
      return {
        recordId: full.recordId,
        kind,
        events: toAppend,
        position: appended.position,
        replayed: false,
      };
    }
  }

  /**
   * An idempotency key stands for the request it was first used with (the command as sent, as a
   * fingerprint of its RFC 8785 canonical JSON): the same key with the same request is a replay; with
   * any other request it is refused (IdempotencyKeyReusedError) before anything is decided or written.
   */
  private async checkKey(
    ids: CommandIds,
    meta: CommandMeta,
    command: RecordCommandInput,
  ): Promise<{ fingerprint: string; bound: boolean }> {
    const fingerprint = createHash('sha256')
      .update(canonicalize(command) ?? '')
      .digest('hex');
    const [binding] = await this.options.store.readStream(ids.keyStream!, { maxCount: 1 });
    if (binding === undefined) return { fingerprint, bound: false };
    if ((binding.data as { fingerprint?: unknown }).fingerprint !== fingerprint) {
      throw new IdempotencyKeyReusedError(meta.idempotencyKey!);
    }
    return { fingerprint, bound: true };
  }

  /**
   * Binds the key to its request, in a stream of its own, just before the command's events are appended.
   * Two identical requests racing bind it once: the binding's event id is derived from the key, so the
   * second append is the store's idempotent no-op; a different request that won the race is refused.
   * Should the events' append fail after it, a retry with the same request finds its own binding.
   */
  private async bindKey(ids: CommandIds, meta: CommandMeta, fingerprint: string, commandType: string) {
    const key = meta.idempotencyKey!;
    try {
      await this.options.store.append(
        ids.keyStream!,
        [
          {
            id: ids.keyEventId!,
            type: 'IdempotencyKeyBound',
            data: { fingerprint },
            metadata: {
              actor: meta.actor,
              ...(meta.tokenId === undefined ? {} : { tokenId: meta.tokenId }),
              idempotencyKey: key,
              commandType,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const [binding] = await this.options.store.readStream(ids.keyStream!, { maxCount: 1 });
      if ((binding?.data as { fingerprint?: unknown } | undefined)?.fingerprint !== fingerprint) {
        throw new IdempotencyKeyReusedError(key);
      }
    }
  }

  /** A retried command (same key) finds its first event already in the stream: answer as the first time. */
  private findEarlierAttempt(past: RecordedEvent[], firstEventId: string): CommandOutcome | undefined {
    const start = past.findIndex((event) => event.id === firstEventId);
    if (start < 0) return undefined;
    const commandId = past[start]!.metadata.commandId;
    const events = past.slice(start).filter((event) => event.metadata.commandId === commandId);
    const kind = fold(recordsDecider, past.map(toDomainEvent)).kind!;
    const recordId = (events[0]!.data as { recordId: string }).recordId;
    return { recordId, kind, events, position: events.at(-1)!.position, replayed: true };
  }

  /** The facts a decision needs about other records (a meeting, an evidence record, a disputed figure). */
  private async lookUp(command: RecordCommand): Promise<Map<string, RecordFact>> {
    const facts = new Map<string, RecordFact>();
    for (const id of referencedRecordIds(command)) {
      const history = (await this.options.store.readStream(recordStreamName(id))).map(toDomainEvent);
      const fact = describeRecord(history);
      if (fact) facts.set(id, fact);
    }
    return facts;
  }
}

/** The store's event as the domain sees it (the domain's one decode and upcast point). */
export function toDomainEvent(event: RecordedEvent): RecordEvent {
  return decodeRecordEvent(event);
}
