import type { KeyObject } from 'node:crypto';
import { HASH_BYTES } from '../rfc9162/hashes.js';
import { checkKeyName, openNote, signNote, type NoteVerifier } from './signed-note.js';

/** A tree head: the log had `size` leaves, with this root, at `time`. */
export interface TreeHead {
  origin: string;
  size: number;
  root: Buffer;
  /** When it was signed: ISO 8601 UTC. */
  time: string;
}

const TIME_LINE = 'time ';

/**
 * A checkpoint's text, as c2sp.org/tlog-checkpoint lays it out: the origin, the tree size, the root in
 * base64, then one extension line `time <ISO 8601>`: when the log signed it, which is what lets a reader
 * say a record was in the log by then.
 */
export function checkpointText(head: TreeHead): string {
  checkKeyName(head.origin);
  return `${head.origin}\n${head.size}\n${head.root.toString('base64')}\n${TIME_LINE}${head.time}\n`;
}

export function signCheckpoint(head: TreeHead, privateKey: KeyObject, publicKey: Uint8Array): string {
  return signNote(checkpointText(head), head.origin, privateKey, publicKey);
}

export type OpenedCheckpoint = { ok: true; head: TreeHead } | { ok: false; reason: string };

/** The tree head a signed checkpoint states, once its signature by `verifier` checks out. */
export function openCheckpoint(note: string, verifier: NoteVerifier): OpenedCheckpoint {
  const opened = openNote(note, verifier);
  if (!opened.ok) return opened;
  const lines = opened.text.split('\n');
  lines.pop();
  const [origin, sizeText, rootText, ...extensions] = lines;
  const size = Number(sizeText);
  const root = Buffer.from(rootText ?? '', 'base64');
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(sizeText ?? '') || !Number.isSafeInteger(size)) {
    return { ok: false, reason: 'the checkpoint does not state a tree size' };
  }
  if (root.length !== HASH_BYTES || root.toString('base64') !== rootText) {
    return { ok: false, reason: 'the checkpoint does not state a SHA-256 root hash' };
  }
  const time = extensions.find((line) => line.startsWith(TIME_LINE))?.slice(TIME_LINE.length) ?? '';
  return { ok: true, head: { origin, size, root, time } };
}
