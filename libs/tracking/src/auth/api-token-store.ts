import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { v7 as uuidV7 } from 'uuid';
import { isRole, type Role } from './roles.js';

/** A token as listed: never its secret. */
export interface ApiTokenInfo {
  id: string;
  /** The organisation or person it was issued to; recorded as the actor of every change made with it. */
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface IssuedToken {
  info: ApiTokenInfo;
  /** Shown once, at creation; only its SHA-256 is stored. */
  secret: string;
}

const TOKEN_PREFIX = 'trk_';

/** Where the server and the CLI keep the tokens: one file in the data folder, apart from the events. */
export function apiTokenFile(dataDir: string): string {
  return join(dataDir, 'auth.sqlite');
}

/**
 * API tokens in their own SQLite file. The secret is 32 random bytes, so a plain SHA-256 of it is safe
 * to store and to look up by (no salt or slow hash needed for high-entropy secrets).
 */
export class ApiTokenStore {
  private constructor(
    private readonly db: DatabaseSync,
    private readonly clock: () => Date,
  ) {}

  static open(path: string, clock: () => Date = () => new Date()): ApiTokenStore {
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    db.exec(`CREATE TABLE IF NOT EXISTS api_tokens (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      secret_sha256 TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      revoked_at TEXT
    )`);
    return new ApiTokenStore(db, clock);
  }

  create(name: string, role: Role, expiresAt?: Date): IssuedToken {
    if (name.trim().length === 0 || name.length > 200)
      throw new RangeError('A token name has 1 to 200 characters');
    if (!isRole(role)) throw new RangeError(`Unknown role ${String(role)}`);
    if (expiresAt && expiresAt <= this.clock()) throw new RangeError('An expiry must be in the future');
    const id = uuidV7();
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const createdAt = this.clock().toISOString();
    this.db
      .prepare(
        'INSERT INTO api_tokens (id, name, role, secret_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, name.trim(), role, sha256(secret), createdAt, expiresAt?.toISOString() ?? null);
    return { info: this.get(id)!, secret };
  }

  list(): ApiTokenInfo[] {
    return (
      this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id').all() as unknown as TokenRow[]
    ).map(toInfo);
  }

  get(id: string): ApiTokenInfo | undefined {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(id) as unknown as
      TokenRow | undefined;
    return row && toInfo(row);
  }

  /** Marks a token revoked (kept for the audit trail). False when there is no such token. */
  revoke(id: string): boolean {
    const result = this.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.clock().toISOString(), id);
    return result.changes > 0 || this.get(id) !== undefined;
  }

  /** The token a bearer secret belongs to, and whether it may be used now. */
  authenticate(secret: string): { token: ApiTokenInfo; problem?: 'expired' | 'revoked' } | undefined {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const row = this.db
      .prepare('SELECT * FROM api_tokens WHERE secret_sha256 = ?')
      .get(sha256(secret)) as unknown as TokenRow | undefined;
    if (!row) return undefined;
    const token = toInfo(row);
    if (token.revokedAt) return { token, problem: 'revoked' };
    if (token.expiresAt && new Date(token.expiresAt) <= this.clock()) return { token, problem: 'expired' };
    return { token };
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

function toInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
