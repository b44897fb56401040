import type { Position } from './position.js';

/** What every command-born event carries besides its data. Kept verbatim by every adapter. */
export interface EventMetadata {
  /** Who caused it: the API token's name, or a CLI user. */
  actor?: string;
  /** The command (or the client idempotency key's derivation) that produced the event. */
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  /** Version of the event's data shape, for upcasting on read. */
  schemaVersion?: number;
  [key: string]: unknown;
}

/** An event as handed to `append`: the id is the caller's, so a retried append is recognisable. */
export interface EventToAppend {
  /** A UUID, in any case (stored and returned in lower case). */
  id: string;
  type: string;
  /**
   * Plain JSON data: null, booleans, finite numbers, strings, arrays and plain objects. Refused,
   * because JSON would crash on them or not read them back the same: bigint, cycles, functions,
   * symbols, undefined (except as an object field's value, which is left out), NaN and Infinity,
   * Dates, Maps and other class instances.
   */
  data: unknown;
  metadata?: EventMetadata;
}

/** An event as the store holds it. */
export interface RecordedEvent {
  id: string;
  stream: string;
  /** 0-based place in its stream, on every adapter. */
  revision: bigint;
  position: Position;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** The store's clock at append: recording time, not the time the fact occurred. */
  recordedAt: Date;
}
