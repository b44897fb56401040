import { InvalidAppendError } from '../errors.js';
import type { EventMetadata } from '../event.js';
import type { AppendOptions, ExpectedRevision } from '../event-store.port.js';
import { toJsonText } from './json-text.js';

/**
 * Longest stream name any adapter accepts, in UTF-16 code units. Names are built from a kind and a
 * record id, far below this; the limit keeps index keys small and portable to KurrentDB.
 */
export const MAX_STREAM_NAME_LENGTH = 256;

/** Longest event type any adapter accepts, in UTF-16 code units. */
export const MAX_EVENT_TYPE_LENGTH = 256;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** One event after validation: id in lower case (as KurrentDB returns it), payloads as JSON text. */
export interface ValidatedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface ValidatedAppend {
  stream: string;
  events: ValidatedEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Checks everything about an append that needs no storage, so a refused append writes nothing.
 * Every adapter runs it first; the rules are the port's, not one store's.
 *
 * @throws InvalidAppendError with a message naming the offending field.
 */
export function validateAppend(stream: unknown, events: unknown, options?: AppendOptions): ValidatedAppend {
  validateStreamName(stream);
  const expectedRevision = validateExpectedRevision(options?.expectedRevision);
  if (!Array.isArray(events)) throw new InvalidAppendError('events must be an array');
  // An empty append has no position to return and usually means a decider produced nothing:
  // the caller should skip the append rather than have it silently succeed.
  if (events.length === 0) throw new InvalidAppendError(`Nothing to append to stream "${stream}"`);
  const seen = new Set<string>();
  const validated = events.map((event: unknown, index) => {
    const checked = validateEvent(event, `events[${index}]`);
    if (seen.has(checked.id)) {
      throw new InvalidAppendError(`events[${index}].id ${checked.id} appears twice in one append`);
    }
    seen.add(checked.id);
    return checked;
  });
  return { stream, events: validated, expectedRevision };
}

/** @throws InvalidAppendError unless `stream` is a name every adapter can store. */
export function validateStreamName(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new InvalidAppendError('The stream name must be a non-empty string');
  }
  if (stream.length > MAX_STREAM_NAME_LENGTH) {
    throw new InvalidAppendError(
      `The stream name is ${stream.length} characters long; at most ${MAX_STREAM_NAME_LENGTH} are allowed`,
    );
  }
  // KurrentDB reserves names starting with $ for its own streams ($all, $settings, ...).
  if (stream.startsWith('$')) {
    throw new InvalidAppendError(`Stream "${stream}": names starting with $ are reserved for the store`);
  }
  if (CONTROL_CHARACTER.test(stream)) {
    throw new InvalidAppendError(`Stream ${JSON.stringify(stream)} contains a control character`);
  }
}

function validateExpectedRevision(expected: unknown): ExpectedRevision {
  if (expected === undefined) return 'any';
  if (expected === 'no_stream' || expected === 'exists' || expected === 'any') return expected;
  if (typeof expected === 'bigint' && expected >= 0n) return expected;
  throw new InvalidAppendError(
    `expectedRevision must be 'no_stream', 'exists', 'any' or a revision as a bigint >= 0n, not ${describe(expected)}`,
  );
}

function validateEvent(event: unknown, path: string): ValidatedEvent {
  if (typeof event !== 'object' || event === null) throw new InvalidAppendError(`${path} is not an object`);
  const { id, type, data, metadata } = event as Record<string, unknown>;
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InvalidAppendError(`${path}.id must be a UUID, not ${describe(id)}`);
  }
  if (typeof type !== 'string' || type.length === 0) {
    throw new InvalidAppendError(`${path}.type must be a non-empty string`);
  }
  if (type.length > MAX_EVENT_TYPE_LENGTH) {
    throw new InvalidAppendError(`${path}.type is longer than ${MAX_EVENT_TYPE_LENGTH} characters`);
  }
  if (CONTROL_CHARACTER.test(type)) throw new InvalidAppendError(`${path}.type contains a control character`);
  return {
    id: id.toLowerCase(),
    type,
    data: toJsonText(data, `${path}.data`),
    metadata: toJsonText(validateMetadata(metadata, `${path}.metadata`), `${path}.metadata`),
  };
}

function validateMetadata(metadata: unknown, path: string): EventMetadata {
  if (metadata === undefined) return {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidAppendError(`${path} must be an object`);
  }
  return metadata as EventMetadata;
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  return typeof value === 'object' ? (value === null ? 'null' : 'an object') : String(value);
}
