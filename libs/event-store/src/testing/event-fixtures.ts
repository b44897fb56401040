import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { EventMetadata, EventToAppend } from '../event.js';

/** An event to append with a fresh (time-ordered) UUID id. */
export function anEvent(
  type = 'SomethingHappened',
  data: unknown = {},
  metadata?: EventMetadata,
): EventToAppend {
  return metadata === undefined ? { id: uuidv7(), type, data } : { id: uuidv7(), type, data, metadata };
}

/** `count` events of one type whose data is `{ index }`, to tell them apart. */
export function someEvents(count: number, type = 'SomethingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(type, { index }));
}

/** A stream name no other test uses, so tests can share a store without seeing each other's streams. */
export function aStreamName(prefix = 'test'): string {
  return `${prefix}-${uuidv4()}`;
}
