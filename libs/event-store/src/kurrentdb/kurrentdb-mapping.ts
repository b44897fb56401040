/**
 * Pure translations between the port's types and @kurrent/kurrentdb-client's.
 */
import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState } from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent } from '../event.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { bigIntsFromPosition, positionFromBigInts, type Position } from '../position.js';

/** KurrentDB's place in $all: the commit and prepare positions of a record in its transaction log. */
export interface KurrentDbPosition {
  commit: bigint;
  prepare: bigint;
}

/** The fields of the client's recorded event the adapter reads (JSON and binary events alike). */
export interface ClientRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  isJson: boolean;
  created: Date;
  position?: KurrentDbPosition;
}

/** Our expected revision as the client's `streamState` option. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

/** How WrongExpectedRevisionError spells an expected revision: the port's words, revisions in decimal. */
export function expectedRevisionLabel(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}

/** How WrongExpectedRevisionError spells the stream's actual state, from the client's `actualState`. */
export function actualRevisionLabel(actual: unknown): string {
  if (typeof actual === 'bigint') return actual < 0n ? 'no_stream' : actual.toString();
  return 'no_stream';
}

/** commit and prepare, both fixed-width, so positions order as strings the way KurrentDB orders them. */
export function positionFromKurrentDb(position: KurrentDbPosition): Position {
  return positionFromBigInts(position.commit, position.prepare);
}

/** @throws TypeError for a string that is not a KurrentDB position (for instance one from another adapter). */
export function positionToKurrentDb(position: Position): KurrentDbPosition {
  const parts = bigIntsFromPosition(position);
  if (parts.length !== 2) throw new TypeError(`Not a KurrentDB position (commit/prepare): ${position}`);
  return { commit: parts[0], prepare: parts[1] };
}

/** KurrentDB reports "no position" on stream reads of old servers as the largest unsigned 64-bit number. */
const NO_POSITION = (1n << 64n) - 1n;

/**
 * Events of KurrentDB itself: $-prefixed types ($metadata, $statsCollected, $> links...) and anything in
 * a $-prefixed stream. The adapter never writes either, so it never shows them.
 */
export function isSystemEvent(event: Pick<ClientRecordedEvent, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/**
 * The port's event from the client's. `recordedAt` is KurrentDB's creation time to the whole second:
 * the client reads through a Rust core that reports no finer, while its subscriptions report
 * milliseconds; cutting both to the second makes an event read back the same on every path.
 *
 * @param streamPrefix removed from the stream name (see KurrentDbEventStoreOptions.streamPrefix).
 * @throws Error when the server reports no position (KurrentDB before 22.6 on stream reads).
 */
export function toRecordedEvent(event: ClientRecordedEvent, streamPrefix = ''): RecordedEvent {
  const position = event.position;
  if (!position || position.commit === NO_POSITION) {
    throw new Error(
      `KurrentDB reported no $all position for event ${event.id} of ${event.streamId}; KurrentDB 22.6 or later is needed`,
    );
  }
  return {
    id: event.id,
    stream: event.streamId.slice(streamPrefix.length),
    revision: event.revision,
    position: positionFromKurrentDb(position),
    type: event.type,
    data: event.isJson ? event.data : Buffer.from(event.data as Uint8Array).toString('base64'),
    metadata: isPlainObject(event.metadata) ? (event.metadata as EventMetadata) : {},
    recordedAt: new Date(Math.floor(event.created.getTime() / 1000) * 1000),
  };
}

function isPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
