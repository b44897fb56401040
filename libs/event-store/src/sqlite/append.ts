import type { DatabaseSync } from 'node:sqlite';
import { InvalidAppendError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import { positionFromBigInts } from '../position.js';
import type { ValidatedAppend, ValidatedEvent } from '../validation/append-validation.js';
import type { EventRow, SqliteStatements } from './sqlite-statements.js';
import { logEntryOfAppended } from './transparency-log.js';
import type { MerkleLog } from '@tracker/integrity';

export interface AppendOutcome {
  result: AppendResult;
  /** false for an idempotent retry: nothing new, so nobody needs waking. */
  written: boolean;
  /** The rows it inserted, in order: the leaves it adds to the log. */
  inserted: EventRow[];
}

interface StoredId {
  id: string;
  revision: bigint;
  global_position: bigint;
}

/** What became of one append of a group: its outcome, or the error it alone failed with. */
export type GroupMember = { outcome: AppendOutcome } | { error: unknown };

/**
 * Appends a group of validated appends in one transaction, so that one COMMIT (one fsync) makes them all
 * durable: group commit. Each append runs inside a savepoint of its own, checked against its own
 * expected revision after the appends before it in the group; one that fails is rolled back to its
 * savepoint alone and reported, the others commit. IMMEDIATE takes the write lock before any revision
 * is read, so no other connection (or process) can append between the checks and the inserts.
 *
 * The events that committed become leaves of the transparency log, when there is one, in the same
 * transaction: an event is never stored without its leaf, nor a leaf without its event.
 *
 * @throws when the transaction itself cannot begin or commit: then nothing of the group was written.
 */
export function appendGroup(
  db: DatabaseSync,
  statements: SqliteStatements,
  appends: readonly ValidatedAppend[],
  recordedAt: Date,
  log?: MerkleLog,
): GroupMember[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    const members = appends.map((append): GroupMember => {
      db.exec('SAVEPOINT group_member');
      try {
        const outcome = appendOne(statements, append, recordedAt);
        // An idempotent retry wrote nothing; releasing an empty savepoint keeps nothing.
        db.exec('RELEASE group_member');
        return { outcome };
      } catch (error) {
        db.exec('ROLLBACK TO group_member');
        db.exec('RELEASE group_member');
        return { error };
      }
    });
    if (log !== undefined) {
      log.append(
        members.flatMap((member) =>
          'outcome' in member ? member.outcome.inserted.map(logEntryOfAppended) : [],
        ),
      );
    }
    db.exec('COMMIT');
    return members;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    log?.forget();
    throw error;
  }
}

/**
 * One append inside the group's transaction. Order of checks, as in KurrentDB: an idempotent retry
 * first, then the expected revision, then ids the stream already holds elsewhere (InvalidAppendError:
 * retrying cannot fix that).
 */
function appendOne(statements: SqliteStatements, append: ValidatedAppend, recordedAt: Date): AppendOutcome {
  const { stream, events, expectedRevision } = append;
  const current = currentRevision(statements, stream);
  const stored = statements.findIdsInStream.all(
    stream,
    JSON.stringify(events.map((event) => event.id)),
  ) as unknown as StoredId[];
  if (stored.length > 0) {
    const original = originalResult(events, stored, expectedRevision);
    if (original) return { result: original, written: false, inserted: [] };
  }
  checkExpectedRevision(stream, expectedRevision, current);
  if (stored.length > 0) {
    const [first] = stored;
    throw new InvalidAppendError(
      `Event ${first.id} is already in stream "${stream}" at revision ${first.revision}; ` +
        'an event id can be appended to a stream only once',
    );
  }
  let revision = current ?? -1n;
  let position = 0n;
  const at = recordedAt.toISOString();
  const inserted: EventRow[] = [];
  for (const event of events) {
    revision += 1n;
    const row = statements.insertEvent.get(
      stream,
      revision,
      event.id,
      event.type,
      event.data,
      event.metadata,
      at,
    ) as { global_position: bigint };
    position = row.global_position;
    inserted.push({ ...event, global_position: position, stream, revision, recorded_at: at });
  }
  return {
    result: { nextRevision: revision, position: positionFromBigInts(position) },
    written: true,
    inserted,
  };
}

function currentRevision(statements: SqliteStatements, stream: string): bigint | undefined {
  const { revision } = statements.currentRevision.get(stream) as { revision: bigint | null };
  return revision ?? undefined;
}

/**
 * The result of the append being retried, when every event id is already in the stream, in the same
 * order, one after the other, where `expected` puts them ('any' and 'exists': anywhere).
 */
function originalResult(
  events: readonly ValidatedEvent[],
  stored: readonly StoredId[],
  expected: ExpectedRevision,
): AppendResult | undefined {
  if (stored.length !== events.length) return undefined;
  const byId = new Map(stored.map((row) => [row.id, row]));
  const first = byId.get(events[0].id)!.revision;
  if (expected === 'no_stream' && first !== 0n) return undefined;
  if (typeof expected === 'bigint' && first !== expected + 1n) return undefined;
  if (!events.every((event, index) => byId.get(event.id)!.revision === first + BigInt(index)))
    return undefined;
  const last = byId.get(events[events.length - 1].id)!;
  return { nextRevision: last.revision, position: positionFromBigInts(last.global_position) };
}

function checkExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  current: bigint | undefined,
): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) {
    throw new WrongExpectedRevisionError(
      stream,
      String(expected),
      current === undefined ? 'no_stream' : String(current),
    );
  }
}
