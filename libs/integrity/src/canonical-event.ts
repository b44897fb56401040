import canonicalizeModule from 'canonicalize';
import { leafHash } from './rfc9162/hashes.js';

// The package is CommonJS with a default export typed for CommonJS consumers.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/**
 * An event as the log hashes it: what the store keeps of it, whatever the store. `revision` may come as a
 * bigint (the port's type) or as its decimal string (JSON, where a bigint cannot go); `recordedAt` as a Date
 * or its ISO 8601 form with milliseconds (`2026-11-30T10:00:00.000Z`).
 */
export interface LoggedEvent {
  id: string;
  stream: string;
  revision: bigint | string | number;
  type: string;
  data: unknown;
  metadata: unknown;
  recordedAt: Date | string;
}

/**
 * The bytes a leaf commits to: the UTF-8 of the RFC 8785 (JSON Canonicalization Scheme) form of
 * `{ id, stream, revision, type, data, metadata, recordedAt }`, with `revision` as a decimal string and
 * `recordedAt` as ISO 8601 UTC with milliseconds. RFC 8785 fixes key order, number and string forms, so
 * anyone with the event's JSON, in any language, gets the same bytes.
 */
export function canonicalEventBytes(event: LoggedEvent): Buffer {
  const text = canonicalize({
    id: event.id,
    stream: event.stream,
    revision: String(event.revision),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt instanceof Date ? event.recordedAt.toISOString() : event.recordedAt,
  });
  return Buffer.from(text!, 'utf8');
}

/**
 * canonicalEventBytes, for an event whose data and metadata are already RFC 8785 text (what the SQLite store
 * writes): the object is assembled around them, keys in canonical order, with no parse and no second
 * serialisation. Only for texts known to be canonical: given other JSON it would hash other bytes.
 */
export function canonicalEventBytesOfCanonicalTexts(
  event: Omit<LoggedEvent, 'data' | 'metadata' | 'recordedAt'> & {
    dataText: string;
    metadataText: string;
    recordedAt: string;
  },
): Buffer {
  // RFC 8785 orders keys by UTF-16 code units: data, id, metadata, recordedAt, revision, stream, type.
  const text =
    `{"data":${event.dataText},"id":${JSON.stringify(event.id)},"metadata":${event.metadataText},` +
    `"recordedAt":${JSON.stringify(event.recordedAt)},"revision":"${String(event.revision)}",` +
    `"stream":${JSON.stringify(event.stream)},"type":${JSON.stringify(event.type)}}`;
  return Buffer.from(text, 'utf8');
}

/** RFC 8785 text of a JSON value: what the SQLite store writes as an event's data and metadata. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value)!;
}

/** An event's entry in the log: its id, store position, and the hash of its canonical bytes. */
export function logEntryOf(event: LoggedEvent & { position: string }): {
  eventId: string;
  position: string;
  leafHash: Buffer;
} {
  return { eventId: event.id, position: event.position, leafHash: leafHash(canonicalEventBytes(event)) };
}
