import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { signCheckpoint, type TreeHead } from './checkpoint.js';
import { checkKeyName, rawPublicKey, verifierKeyString } from './signed-note.js';

/** The log's Ed25519 key, named by the log's origin: it signs checkpoints. */
export class LogSigner {
  readonly publicKey: Buffer;
  /** What a reader keeps to verify checkpoints (`<origin>+<key id>+<key>`). */
  readonly verifierKey: string;

  private constructor(
    readonly origin: string,
    private readonly privateKey: KeyObject,
  ) {
    checkKeyName(origin);
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new TypeError(`the log's signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
    }
    this.publicKey = rawPublicKey(createPublicKey(privateKey));
    this.verifierKey = verifierKeyString(origin, this.publicKey);
  }

  /** A key given as a PKCS #8 PEM text. */
  static fromPem(origin: string, pem: string): LogSigner {
    return new LogSigner(origin, createPrivateKey(pem));
  }

  /**
   * The key kept at `path`, made there on first use (readable by its owner only). The file is the log's
   * identity: lose it and later checkpoints are signed by a key readers do not know.
   */
  static atPath(origin: string, path: string): LogSigner {
    if (!existsSync(path)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      mkdirSync(dirname(path), { recursive: true });
      // 'wx': never overwrite a key another process made a moment ago.
      try {
        writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return LogSigner.fromPem(origin, readFileSync(path, 'utf8'));
  }

  sign(head: Omit<TreeHead, 'origin'>): string {
    return signCheckpoint({ ...head, origin: this.origin }, this.privateKey, this.publicKey);
  }
}
