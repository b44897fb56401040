import type { EventToAppend, RecordedEvent } from './event.js';
import type { Position } from './position.js';

/**
 * Where the stream must be for an append to go through:
 * - `'no_stream'`: the stream must not exist yet;
 * - `'exists'`: it must hold at least one event;
 * - `'any'`: no check;
 * - a bigint: the revision of the stream's last event (0-based).
 */
export type ExpectedRevision = 'no_stream' | 'exists' | 'any' | bigint;

export interface AppendOptions {
  /** @defaultValue `'any'` */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream; pass it as the next `expectedRevision`. */
  nextRevision: bigint;
  /** Position of the last event written: wait for a read model to reach it to read your own write. */
  position: Position;
}

export interface ReadStreamOptions {
  /** @defaultValue `'forwards'` */
  direction?: 'forwards' | 'backwards';
  /** Inclusive. @defaultValue the start (forwards) or the end (backwards) */
  fromRevision?: bigint;
  /** @defaultValue no limit */
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. @defaultValue the beginning of the store */
  after?: Position;
  /** @defaultValue 1000 */
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive: a stored checkpoint. @defaultValue the beginning of the store */
  after?: Position;
}

/**
 * A catch-up-then-live feed of $all. Iterate it; events arrive in position order, each exactly once,
 * across the switch from catch-up to live. `close()` ends the iteration, and so does leaving a
 * for-await loop early. One consumer per subscription: it is iterated once.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export type StoreHealth =
  | { status: 'up'; store: string; details?: Record<string, unknown> }
  | { status: 'down'; store: string; reason: string; details?: Record<string, unknown> };

/**
 * The event store port. Adapters: sqlite/ (embedded default) and kurrentdb/ (scale-out). Every adapter
 * passes the contract suite in testing/.
 */
export interface EventStore {
  /**
   * Appends all `events` to `stream` atomically, or none. Throws WrongExpectedRevisionError when the
   * stream is not at `expectedRevision`, InvalidAppendError for a bad stream name, type or payload.
   * Re-appending event ids the stream already holds at the same place is a no-op that returns the
   * original result (an idempotent retry).
   *
   * In detail, every adapter:
   * - refuses before writing anything (InvalidAppendError): an empty `events` list (skip the append
   *   instead), a stream name that is empty, longer than MAX_STREAM_NAME_LENGTH, starts with `$`
   *   (reserved by KurrentDB) or holds a control character; an empty event type or one longer than
   *   MAX_EVENT_TYPE_LENGTH; an id that is not a UUID or appears twice in the call; data or metadata
   *   that would not read back the same from JSON (see EventToAppend.data);
   * - treats ids case-insensitively and returns them in lower case;
   * - "the same place": the ids are in the stream in the same order, one after the other, starting
   *   right after `expectedRevision` (at 0 for `'no_stream'`, anywhere for `'any'` and `'exists'`);
   * - ids the stream holds elsewhere: WrongExpectedRevisionError when the stream is not at
   *   `expectedRevision` (checked first, as KurrentDB does), otherwise InvalidAppendError (an id is
   *   appended to a stream once; retrying cannot help). Ids are unique per stream, not store-wide.
   */
  append(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;

  /**
   * The stream's events; an empty array when the stream does not exist. A negative `maxCount` or
   * `fromRevision` is a programming error (RangeError).
   */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream in position order, forwards. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** The position of the last event in the store, or undefined when it is empty. */
  headPosition(): Promise<Position | undefined>;

  /**
   * A catch-up-then-live feed of $all after `options.after`. Fails with StoreUnavailableError once the
   * store is closed (at once or on the first `next()`, depending on the adapter); closing the store
   * ends its subscriptions.
   */
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** Up or down; when up, `details.headPosition` is what headPosition() answers (null while empty). */
  health(): Promise<StoreHealth>;

  /** Lets in-flight appends finish, ends subscriptions, releases the store. Idempotent. */
  close(): Promise<void>;
}

/** Nest injection token for the configured EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');
