import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import type { Position } from '../position.js';

/** What the adapter knows of an event already in the stream. */
export interface StoredEventIdentity {
  id: string;
  revision: bigint;
  position: Position;
}

export type AppendDecision =
  /** Send it to KurrentDB, which checks the expected revision atomically. */
  | { kind: 'write' }
  /** A retry of an append that went through: answer its original result, write nothing. */
  | { kind: 'already-written'; result: AppendResult }
  /** Some ids are in the stream, but not where this append would put them: refuse (InvalidAppendError). */
  | { kind: 'ids-elsewhere'; ids: string[] }
  /** Some ids are in the stream and the stream is not where the caller expects it (WrongExpectedRevisionError). */
  | { kind: 'wrong-expected-revision'; actual: string };

/**
 * The port's idempotency rules, decided from the stream as read just before the append.
 *
 * KurrentDB itself recognises a retry only at the place an exact expected revision points to, and for
 * `any` only while the events are in its recent-writes cache; it writes ids it holds elsewhere a second
 * time. The port promises more: the same ids at the same place answer the original result, whatever the
 * expected revision, and ids held elsewhere are refused, so a retried command records nothing twice.
 * The place is where the expected revision puts the first event; for `any` and `exists`, wherever the
 * first id already sits.
 *
 * @param existing the stream's events in revision order (empty when it does not exist)
 * @param ids the appended ids, lower case, in order
 */
export function decideAppend(
  existing: readonly StoredEventIdentity[],
  ids: readonly string[],
  expected: ExpectedRevision,
): AppendDecision {
  // Matched on revisions, not array positions: a stream read back need not start at revision 0 (events
  // truncated or scavenged before it), and its last revision is what the server compares against.
  const byRevision = new Map(existing.map((event) => [event.revision, event]));
  const firstId = existing.find((event) => event.id === ids[0]);
  const place: bigint | undefined =
    expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : firstId?.revision;
  if (place !== undefined) {
    const atPlace = ids.map((_, index) => byRevision.get(place + BigInt(index)));
    if (atPlace.every((event, index) => event?.id === ids[index])) {
      const last = atPlace[atPlace.length - 1]!;
      return { kind: 'already-written', result: { nextRevision: last.revision, position: last.position } };
    }
  }

  const held = new Set(existing.map((event) => event.id));
  const elsewhere = ids.filter((id) => held.has(id));
  if (elsewhere.length === 0) return { kind: 'write' };

  const current = existing.length === 0 ? -1n : existing[existing.length - 1]!.revision;
  const matches =
    expected === 'any' ||
    (expected === 'exists' && current >= 0n) ||
    (expected === 'no_stream' && current < 0n) ||
    (typeof expected === 'bigint' && current === expected);
  if (matches) return { kind: 'ids-elsewhere', ids: elsewhere };
  return { kind: 'wrong-expected-revision', actual: current < 0n ? 'no_stream' : String(current) };
}
