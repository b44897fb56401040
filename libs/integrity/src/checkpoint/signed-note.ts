import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed notes as C2SP specifies them (c2sp.org/signed-note): a text ending in a newline, a blank line,
 * then lines `— <key name> base64(key ID ‖ signature)`. The key ID is the first four bytes of
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ Ed25519 public key). A verifier key is written as Go's note package does:
 * `<name>+<key ID in hex>+base64(0x01 ‖ public key)`, so the same key works with transparency-dev tools.
 */

const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';

/** A public key that can verify notes. */
export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  publicKey: Buffer;
}

/** Checks a key name as the note format allows it: not empty, no spaces, no '+'. */
export function checkKeyName(name: string): void {
  // \s covers the control characters a note may not hold too (newline, tab...); others are refused below.
  if (name.length === 0 || /[\s+]/u.test(name) || [...name].some((char) => char.charCodeAt(0) < 0x20)) {
    throw new TypeError(`"${name}" cannot name a note key: it must be non-empty, without spaces or '+'`);
  }
}

export function keyIdOf(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The 32 raw bytes of an Ed25519 public key object. */
export function rawPublicKey(key: KeyObject): Buffer {
  const { x } = key.export({ format: 'jwk' });
  return Buffer.from(x!, 'base64url');
}

/** The verifier key string a reader keeps to check notes signed by `name` with `publicKey`. */
export function verifierKeyString(name: string, publicKey: Uint8Array): string {
  const id = keyIdOf(name, publicKey).toString('hex');
  return `${name}+${id}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

/** Reads a verifier key string; throws a TypeError saying what is wrong with it. */
export function parseVerifierKey(text: string): NoteVerifier {
  // The name has no '+' and the id is hex; the base64 key may hold '+' of its own.
  const match = /^([^+]+)\+([0-9a-fA-F]{8})\+(.+)$/.exec(text.trim());
  if (!match) throw new TypeError('a verifier key reads <name>+<8 hex digits of key id>+<base64 key>');
  const [, name, hexId, encoded] = match as unknown as [string, string, string, string];
  checkKeyName(name);
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 33 || key[0] !== ED25519 || key.toString('base64') !== encoded) {
    throw new TypeError('the verifier key is not an Ed25519 key (0x01 and 32 bytes, base64)');
  }
  const publicKey = key.subarray(1);
  const keyId = keyIdOf(name, publicKey);
  if (keyId.toString('hex') !== hexId.toLowerCase()) {
    throw new TypeError(`the verifier key's id ${hexId} does not match its name and key`);
  }
  return { name, keyId, publicKey };
}

/** Signs `text` (which must end in a newline) with an Ed25519 private key under `name`. */
export function signNote(text: string, name: string, privateKey: KeyObject, publicKey: Uint8Array): string {
  checkKeyName(name);
  if (!text.endsWith('\n')) throw new TypeError('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const payload = Buffer.concat([keyIdOf(name, publicKey), signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${name} ${payload}\n`;
}

/** What opening a note found. */
export type OpenedNote = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The note's text, if it carries a valid signature by `verifier`. Signatures by other keys are ignored,
 * as the format requires; one by this key that does not verify makes the whole note invalid.
 */
export function openNote(note: string, verifier: NoteVerifier): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, reason: 'not a signed note: no blank line before the signatures' };
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2).split('\n');
  if (lines.at(-1) === '') lines.pop();
  let verified = false;
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return { ok: false, reason: `not a signature line: "${line}"` };
    const [name, payload] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (name !== verifier.name || payload === undefined) continue;
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < 4 || !bytes.subarray(0, 4).equals(verifier.keyId)) continue;
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: verifier.publicKey.toString('base64url') },
      format: 'jwk',
    });
    if (!verify(null, Buffer.from(text, 'utf8'), key, bytes.subarray(4))) {
      return { ok: false, reason: `the signature by ${verifier.name} does not verify: the note was altered` };
    }
    verified = true;
  }
  return verified ? { ok: true, text } : { ok: false, reason: `the note is not signed by ${verifier.name}` };
}
