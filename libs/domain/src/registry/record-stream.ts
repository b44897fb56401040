/** One stream per record: `record-<uuid>`. The kind is in the events, not in the name. */
export const RECORD_STREAM_PREFIX = 'record-';

export function recordStreamName(recordId: string): string {
  return `${RECORD_STREAM_PREFIX}${recordId}`;
}

/** The record id of a record stream, or undefined for any other stream. */
export function recordIdFromStream(stream: string): string | undefined {
  return stream.startsWith(RECORD_STREAM_PREFIX) ? stream.slice(RECORD_STREAM_PREFIX.length) : undefined;
}

/**
 * Version of every event data shape in this library. Store it in event metadata (`schemaVersion`); when a
 * shape changes, bump it and upcast older events on read, in one place.
 */
export const EVENT_SCHEMA_VERSION = 1;
