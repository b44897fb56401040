import { canonicalEventBytes, type LoggedEvent } from '../canonical-event.js';
import { openCheckpoint } from '../checkpoint/checkpoint.js';
import type { NoteVerifier } from '../checkpoint/signed-note.js';
import { leafHash } from '../rfc9162/hashes.js';
import { TreeEdge } from '../rfc9162/tree-edge.js';
import type { MerkleLog, StoredCheckpoint } from './merkle-log.js';

/** Checkpoints read at a time. */
const CHECKPOINT_PAGE = 1_000;
/** Stored leaves read at a time. */
const LEAF_PAGE = 10_000;

export interface LogProgress {
  events: number;
  /** Leaves the log holds: the events expected. */
  of: number;
}

/** The first thing found wrong: which leaf and event, and what. */
export interface LogProblem {
  leafIndex: number;
  eventId?: string;
  message: string;
}

export interface LogVerification {
  ok: boolean;
  events: number;
  checkpoints: number;
  problem?: LogProblem;
}

/**
 * Recomputes the tree from the store's events, in store order, and checks it against what was logged:
 * each event against its stored leaf (so the first event changed, deleted, inserted or moved is named),
 * each signed checkpoint's signature and root, and that store and log hold as many. A tampered log that
 * still matches the tampered store is caught by the checkpoints, which only the log's key can sign.
 * Memory stays O(log n): the tree's right edge, a page of leaves, a page of checkpoints.
 */
export async function verifyLogAgainstEvents(
  events: AsyncIterable<LoggedEvent>,
  log: MerkleLog,
  verifier: NoteVerifier,
  onProgress: (progress: LogProgress) => void = () => {},
): Promise<LogVerification> {
  const logged = log.size();
  const edge = new TreeEdge();
  let checkpoints = 0;
  let pendingCheckpoints: StoredCheckpoint[] = [];
  let checkpointsAfter = 0;
  /** No checkpoint is left to read: asked once per event otherwise, a query per event to the end. */
  let checkpointsExhausted = false;
  let leaves: ReturnType<MerkleLog['leaves']> = [];
  const fail = (problem: LogProblem): LogVerification => ({
    ok: false,
    events: edge.leaves,
    checkpoints,
    problem,
  });
  const nextCheckpoint = (): StoredCheckpoint | undefined => {
    if (pendingCheckpoints.length === 0 && !checkpointsExhausted) {
      pendingCheckpoints = log.checkpoints(checkpointsAfter, CHECKPOINT_PAGE);
      checkpointsExhausted = pendingCheckpoints.length < CHECKPOINT_PAGE;
      if (pendingCheckpoints.length > 0) checkpointsAfter = pendingCheckpoints.at(-1)!.size;
    }
    return pendingCheckpoints[0];
  };
  // Checks every checkpoint signed at the size the recomputed tree has reached.
  const checkCheckpointsAt = (size: number): LogProblem | undefined => {
    for (let checkpoint = nextCheckpoint(); checkpoint?.size === size; checkpoint = nextCheckpoint()) {
      pendingCheckpoints.shift();
      checkpoints += 1;
      const opened = openCheckpoint(checkpoint.note, verifier);
      if (!opened.ok)
        return { leafIndex: size - 1, message: `checkpoint at ${size} events: ${opened.reason}` };
      const root = edge.root();
      if (opened.head.size !== size || !opened.head.root.equals(root) || !checkpoint.root.equals(root)) {
        return {
          leafIndex: size - 1,
          message:
            `checkpoint at ${size} events (signed ${opened.head.time}) does not match the events: its root is ` +
            `${opened.head.root.toString('base64')}, the store's events give ${root.toString('base64')}`,
        };
      }
    }
    return undefined;
  };

  const early = checkCheckpointsAt(0);
  if (early) return fail(early);
  for await (const event of events) {
    const index = edge.leaves;
    if (index >= logged) {
      return fail({
        leafIndex: index,
        eventId: event.id,
        message: `event ${event.id} (${event.stream} @${event.revision}) is in the store but not in the log, which ends at ${logged} leaves`,
      });
    }
    if (leaves.length === 0) leaves = log.leaves(index, LEAF_PAGE);
    const stored = leaves.shift()!;
    const hash = leafHash(canonicalEventBytes(event));
    if (stored.eventId !== event.id) {
      return fail({
        leafIndex: index,
        eventId: stored.eventId,
        message:
          `leaf ${index} logged event ${stored.eventId}, but the store has ${event.id} (${event.stream} ` +
          `@${event.revision}) there: event ${stored.eventId} was deleted or moved, or ${event.id} inserted`,
      });
    }
    if (!stored.leafHash.equals(hash)) {
      return fail({
        leafIndex: index,
        eventId: event.id,
        message: `event ${event.id} (${event.stream} @${event.revision}) changed since it was logged as leaf ${index}`,
      });
    }
    edge.append(hash);
    const problem = checkCheckpointsAt(edge.leaves);
    if (problem) return fail({ ...problem, eventId: event.id });
    if (edge.leaves % 10_000 === 0) onProgress({ events: edge.leaves, of: logged });
  }
  onProgress({ events: edge.leaves, of: logged });
  if (edge.leaves < logged) {
    const missing = log.leaves(edge.leaves, 1)[0]!;
    return fail({
      leafIndex: edge.leaves,
      eventId: missing.eventId,
      message: `the log holds ${logged} leaves but the store only ${edge.leaves} events: event ${missing.eventId} (leaf ${edge.leaves}) and any after it are gone from the store`,
    });
  }
  const unchecked = nextCheckpoint();
  if (unchecked) {
    return fail({
      leafIndex: edge.leaves,
      message: `a checkpoint was signed at ${unchecked.size} events, more than the store's ${edge.leaves}`,
    });
  }
  return { ok: true, events: edge.leaves, checkpoints };
}
