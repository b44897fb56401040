import { canonicalEventBytes, type LoggedEvent } from '../canonical-event.js';
import { openCheckpoint, type TreeHead } from '../checkpoint/checkpoint.js';
import { parseVerifierKey } from '../checkpoint/signed-note.js';
import { leafHash } from '../rfc9162/hashes.js';
import { TreeEdge } from '../rfc9162/tree-edge.js';
import { verifyConsistency, verifyInclusion } from '../rfc9162/verify.js';

/** The format tag of an evidence bundle; a reader refuses others rather than misreading them. */
export const EVIDENCE_FORMAT = 'tracker-evidence/1';

/**
 * What a reader keeps to prove, later and offline, that events were in the log: a signed checkpoint, and
 * each event as recorded with its leaf index and its inclusion proof (base64 hashes) in that checkpoint's
 * tree. The server's `recordEvidence` query answers one, ready to save.
 */
export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  checkpoint: string;
  events: { event: LoggedEvent; leafIndex: number; inclusionProof: string[] }[];
}

/** Two checkpoints and the proof that the later log extends the earlier one. */
export interface ConsistencyEvidence {
  format: typeof EVIDENCE_FORMAT;
  older: string;
  newer: string;
  consistencyProof: string[];
}

export interface EventFinding {
  eventId: string;
  leafIndex: number;
  ok: boolean;
  reason?: string;
}

export type EvidenceReport =
  | { ok: true; checkpoint: TreeHead; events: EventFinding[] }
  | { ok: false; reason: string; checkpoint?: TreeHead; events: EventFinding[] };

/**
 * Checks a bundle against the log key the reader trusts (a verifier key string, obtained from the log's
 * operator beforehand, not from the bundle): the checkpoint's signature, then every event's inclusion.
 */
export function verifyEvidenceBundle(bundle: unknown, trustedKey: string): EvidenceReport {
  const shape = checkBundle(bundle);
  if (typeof shape === 'string') return { ok: false, reason: shape, events: [] };
  const opened = openCheckpoint(shape.checkpoint, parseVerifierKey(trustedKey));
  if (!opened.ok) return { ok: false, reason: opened.reason, events: [] };
  const head = opened.head;
  const events = shape.events.map(({ event, leafIndex, inclusionProof }): EventFinding => {
    const eventId = String(event?.id);
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= head.size) {
      return { eventId, leafIndex, ok: false, reason: `leaf ${leafIndex} is not in a tree of ${head.size}` };
    }
    let leaf: Buffer;
    try {
      leaf = leafHash(canonicalEventBytes(event));
    } catch (error) {
      return { eventId, leafIndex, ok: false, reason: `the event cannot be hashed: ${String(error)}` };
    }
    const path = Array.isArray(inclusionProof) ? inclusionProof.map(fromBase64) : [];
    return verifyInclusion(leaf, leafIndex, head.size, path, head.root)
      ? { eventId, leafIndex, ok: true }
      : {
          eventId,
          leafIndex,
          ok: false,
          reason: `not leaf ${leafIndex} of the checkpoint's tree: the event differs from what was logged, or the proof is wrong`,
        };
  });
  const bad = events.find((finding) => !finding.ok);
  return bad
    ? { ok: false, reason: `event ${bad.eventId}: ${bad.reason}`, checkpoint: head, events }
    : { ok: true, checkpoint: head, events };
}

export type ConsistencyReport =
  { ok: true; older: TreeHead; newer: TreeHead } | { ok: false; reason: string };

/** Checks both checkpoints' signatures, and that the newer log contains the older one unchanged. */
export function verifyConsistencyEvidence(evidence: unknown, trustedKey: string): ConsistencyReport {
  const value = evidence as Partial<ConsistencyEvidence> | null;
  if (
    value?.format !== EVIDENCE_FORMAT ||
    typeof value.older !== 'string' ||
    typeof value.newer !== 'string'
  ) {
    return {
      ok: false,
      reason: `not ${EVIDENCE_FORMAT} consistency evidence (older, newer, consistencyProof)`,
    };
  }
  const verifier = parseVerifierKey(trustedKey);
  const older = openCheckpoint(value.older, verifier);
  if (!older.ok) return { ok: false, reason: `older checkpoint: ${older.reason}` };
  const newer = openCheckpoint(value.newer, verifier);
  if (!newer.ok) return { ok: false, reason: `newer checkpoint: ${newer.reason}` };
  const proof = Array.isArray(value.consistencyProof) ? value.consistencyProof.map(fromBase64) : [];
  return verifyConsistency(older.head.size, newer.head.size, older.head.root, newer.head.root, proof)
    ? { ok: true, older: older.head, newer: newer.head }
    : {
        ok: false,
        reason: `the log of ${newer.head.size} leaves does not extend the log of ${older.head.size}: it was rewritten, or the proof is wrong`,
      };
}

function checkBundle(bundle: unknown): EvidenceBundle | string {
  const value = bundle as Partial<EvidenceBundle> | null;
  if (value?.format !== EVIDENCE_FORMAT) return `not a ${EVIDENCE_FORMAT} bundle`;
  if (typeof value.checkpoint !== 'string') return 'the bundle has no checkpoint';
  if (!Array.isArray(value.events)) return 'the bundle has no events';
  return value as EvidenceBundle;
}

/** A base64 hash; anything that is not one becomes an empty buffer, which no proof accepts. */
function fromBase64(text: unknown): Buffer {
  return typeof text === 'string' ? Buffer.from(text, 'base64') : Buffer.alloc(0);
}

/**
 * Checks an events export (`tracker export events`): the events, in store order, must be exactly the
 * tree its closing checkpoint signed: as many, and with the same root. Reads the events as they come.
 */
export async function verifyEventsExport(
  events: AsyncIterable<LoggedEvent>,
  checkpoint: string,
  trustedKey: string,
): Promise<{ ok: true; head: TreeHead } | { ok: false; reason: string }> {
  const opened = openCheckpoint(checkpoint, parseVerifierKey(trustedKey));
  if (!opened.ok) return opened;
  const edge = new TreeEdge();
  for await (const event of events) edge.append(leafHash(canonicalEventBytes(event)));
  if (edge.leaves !== opened.head.size) {
    return {
      ok: false,
      reason: `the export holds ${edge.leaves} events, its checkpoint signed ${opened.head.size}: events were added or removed`,
    };
  }
  if (!edge.root().equals(opened.head.root)) {
    return {
      ok: false,
      reason: 'the events do not hash to the signed root: an event was changed, or two were swapped',
    };
  }
  return { ok: true, head: opened.head };
}
