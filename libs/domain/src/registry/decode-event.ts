import type { RecordEvent } from './record-types.js';
import { EVENT_SCHEMA_VERSION } from './record-stream.js';

/** An event as a store (or the read DB's history) keeps it: its type, data, and the metadata's version. */
export interface StoredRecordEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: { readonly schemaVersion?: unknown } | null;
}

/** A stored event written by a newer release than this one: it cannot be read without misreading it. */
export class NewerSchemaVersionError extends Error {
  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly current: number,
  ) {
    super(
      `${eventType} has schema version ${version}, newer than this release reads (${current}): upgrade first`,
    );
    this.name = 'NewerSchemaVersionError';
  }
}

/** Takes an event's data from one schema version to the next. */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Upcasters by event type, then by the version they upgrade from (n → n + 1). Empty while every stored
 * event has today's shape: when a shape changes, bump EVENT_SCHEMA_VERSION, add the step here, and a test
 * of that step beside decode-event.spec.ts.
 */
export const UPCASTERS: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = {};

export interface DecodeOptions {
  upcasters?: Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;
  /** The version the domain reads. */
  currentVersion?: number;
}

/**
 * The one place stored events become domain events, for the command path and every projection alike:
 * data written under an older `schemaVersion` (absent means 1) is upcast step by step to today's shape.
 * An event written by a newer release than this one is refused rather than misread.
 */
export function decodeRecordEvent(stored: StoredRecordEvent, options: DecodeOptions = {}): RecordEvent {
  const upcasters = options.upcasters ?? UPCASTERS;
  const current = options.currentVersion ?? EVENT_SCHEMA_VERSION;
  const declared = stored.metadata?.schemaVersion;
  let version = typeof declared === 'number' && Number.isInteger(declared) ? declared : 1;
  if (version > current) {
    throw new NewerSchemaVersionError(stored.type, version, current);
  }
  let data = stored.data as Record<string, unknown>;
  for (; version < current; version++) {
    const step = upcasters[stored.type]?.[version];
    if (step !== undefined) data = step(data);
  }
  return { type: stored.type, data } as RecordEvent;
}
