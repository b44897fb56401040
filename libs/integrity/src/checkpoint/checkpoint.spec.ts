import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { leafHash } from '../rfc9162/hashes.js';
import { openCheckpoint } from './checkpoint.js';
import { LogSigner } from './log-signer.js';
import { parseVerifierKey, rawPublicKey, verifierKeyString } from './signed-note.js';

const pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const head = { size: 42, root: leafHash(Buffer.from('root')), time: '2026-11-30T10:00:00.000Z' };

describe('signed checkpoints', () => {
  it('round-trips: signed by the log, opened with its verifier key, whatever bytes the key holds', () => {
    // Many keys, so base64 keys with '+' and '/' in them are met.
    for (let round = 0; round < 50; round++) {
      const signer = LogSigner.fromPem('example.org/log', pem());
      const note = signer.sign(head);
      expect(note).toMatch(
        /^example\.org\/log\n42\n[A-Za-z0-9+/]+=*\ntime 2026-11-30T10:00:00\.000Z\n\n— example\.org\/log /,
      );
      const opened = openCheckpoint(note, parseVerifierKey(signer.verifierKey));
      expect(opened).toEqual({ ok: true, head: { origin: 'example.org/log', ...head } });
    }
  });

  it('refuses a note whose text changed, one signed by another key, and a malformed one', () => {
    const signer = LogSigner.fromPem('example.org/log', pem());
    const verifier = parseVerifierKey(signer.verifierKey);
    const note = signer.sign(head);
    expect(openCheckpoint(note.replace('\n42\n', '\n43\n'), verifier)).toMatchObject({ ok: false });
    const other = LogSigner.fromPem('example.org/log', pem());
    expect(openCheckpoint(other.sign(head), verifier)).toEqual({
      ok: false,
      reason: 'the note is not signed by example.org/log',
    });
    expect(openCheckpoint('no blank line', verifier)).toMatchObject({ ok: false });
    expect(openCheckpoint('text\n\nnot a signature\n', verifier)).toMatchObject({ ok: false });
  });

  it('refuses verifier keys that are malformed or whose id does not match', () => {
    const key = generateKeyPairSync('ed25519').publicKey;
    const good = verifierKeyString('example.org/log', rawPublicKey(key));
    expect(parseVerifierKey(good).name).toBe('example.org/log');
    expect(() => parseVerifierKey('nonsense')).toThrow(TypeError);
    expect(() => parseVerifierKey(good.replace('example.org/log', 'example.org/other'))).toThrow(
      /does not match/,
    );
    expect(() => parseVerifierKey(good.slice(0, -4))).toThrow(TypeError);
    expect(() => LogSigner.fromPem('has space', pem())).toThrow(TypeError);
  });
});
