import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';

/** Namespace of every id derived from a client idempotency key (a fixed, random UUID). */
const IDEMPOTENCY_NAMESPACE = '6f1d3c8e-2b0a-4c57-9a61-8e2f0d4b7c19';

/**
 * The ids one command uses. With an idempotency key they are derived from (actor, key), so a retried
 * mutation produces the very same record id and event ids and the store recognises the retry; without
 * one they are fresh, time-ordered UUIDs.
 */
export interface CommandIds {
  /** With a key: the stream that binds the key to the one request it was first used for, and its event's id. */
  readonly keyStream?: string;
  readonly keyEventId?: string;
  /** Used only when the command creates a record and the caller gave no id. */
  readonly recordId: string;
  readonly commandId: string;
  eventId(index: number): string;
  /** An id the command needs besides its record's (an assessment's), named by its field. */
  generatedId(field: string): string;
}

/**
 * `scope` is whose keys these are: the API token's id (two tokens may share a name, never an id), or
 * the actor's name for callers without a token (the CLI, the demo loader).
 */
export function commandIds(scope: string, idempotencyKey: string | undefined): CommandIds {
  if (idempotencyKey === undefined) {
    const commandId = uuidV7();
    return { recordId: uuidV7(), commandId, eventId: () => uuidV7(), generatedId: () => uuidV7() };
  }
  // Scoped: two organisations choosing the same key must not collide.
  const keyScope = `${scope}\u0000${idempotencyKey}`;
  return {
    keyStream: `idempotency-${uuidV5(`${keyScope}\u0000key`, IDEMPOTENCY_NAMESPACE)}`,
    keyEventId: uuidV5(`${keyScope}\u0000binding`, IDEMPOTENCY_NAMESPACE),
    recordId: uuidV5(`${keyScope}\u0000record`, IDEMPOTENCY_NAMESPACE),
    commandId: uuidV5(`${keyScope}\u0000command`, IDEMPOTENCY_NAMESPACE),
    eventId: (index) => uuidV5(`${keyScope}\u0000event\u0000${index}`, IDEMPOTENCY_NAMESPACE),
    generatedId: (field) => uuidV5(`${keyScope}\u0000id\u0000${field}`, IDEMPOTENCY_NAMESPACE),
  };
}
