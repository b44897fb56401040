import { StoreUnavailableError, WrongExpectedRevisionError, type EventStore } from '@tracker/event-store';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidV7 } from 'uuid';
import { API_TOKENS_STREAM, type ApiTokenEvent } from './api-token-events.js';
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

export type TokenCheck = { token: ApiTokenInfo; problem?: 'expired' | 'revoked' };

const TOKEN_PREFIX = 'trk_';
const MAX_APPEND_ATTEMPTS = 5;

/**
 * API tokens, kept as events in the `api-tokens` stream of the event store (see api-token-events.ts) and
 * folded in memory. Every read first takes the stream's new events, one small read, so a token revoked
 * on any instance or by the CLI is refused everywhere from the next request on.
 * The secret is 32 random bytes, so a plain SHA-256 of it is safe to store and to look up by (no salt
 * or slow hash needed for high-entropy secrets).
 */
export class ApiTokenStore {
  private readonly tokens = new Map<string, ApiTokenInfo>();
  private readonly idsByHash = new Map<string, string>();
  /** The revision the next unread event of the stream will have. */
  private nextRevision = 0n;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(name: string, role: Role, expiresAt?: Date, actor = 'tracker-cli'): Promise<IssuedToken> {
    if (name.trim().length === 0 || name.length > 200)
      throw new RangeError('A token name has 1 to 200 characters');
    if (!isRole(role)) throw new RangeError(`Unknown role ${String(role)}`);
    if (expiresAt && expiresAt <= this.clock()) throw new RangeError('An expiry must be in the future');
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const tokenId = uuidV7();
    await this.appendAtHead(
      {
        type: 'ApiTokenIssued',
        data: {
          tokenId,
          name: name.trim(),
          role,
          secretSha256: sha256(secret),
          issuedAt: this.clock().toISOString(),
          expiresAt: expiresAt?.toISOString() ?? null,
        },
      },
      actor,
    );
    return { info: this.tokens.get(tokenId)!, secret };
  }

  async list(): Promise<ApiTokenInfo[]> {
    await this.refresh();
    return [...this.tokens.values()];
  }

  async get(id: string): Promise<ApiTokenInfo | undefined> {
    await this.refresh();
    return this.tokens.get(id);
  }

  /** Marks a token revoked (kept for the audit trail). False when there is no such token. */
  async revoke(id: string, actor = 'tracker-cli'): Promise<boolean> {
    await this.refresh();
    const token = this.tokens.get(id);
    if (!token) return false;
    if (token.revokedAt) return true;
    await this.appendAtHead(
      { type: 'ApiTokenRevoked', data: { tokenId: id, revokedAt: this.clock().toISOString() } },
      actor,
    );
    return true;
  }

  /**
   * The token a bearer secret belongs to, and whether it may be used now. While the store cannot be
   * reached, a token already known is judged on what was read before the outage (nobody can issue or
   * revoke through an unreachable store), so reads keep working; an unknown one rethrows
   * StoreUnavailableError, since it cannot be told from a forgery.
   */
  async authenticate(secret: string): Promise<TokenCheck | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = sha256(secret);
    try {
      await this.refresh();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || !this.idsByHash.has(hash)) throw error;
    }
    const id = this.idsByHash.get(hash);
    const token = id === undefined ? undefined : this.tokens.get(id);
    if (!token) return undefined;
    if (token.revokedAt) return { token, problem: 'revoked' };
    if (token.expiresAt && new Date(token.expiresAt) <= this.clock()) return { token, problem: 'expired' };
    return { token };
  }

  /** Reads what the stream gained since the last read; concurrent callers share one read. */
  private refresh(): Promise<void> {
    this.pending ??= this.readNewEvents().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async readNewEvents(): Promise<void> {
    const events = await this.store.readStream(API_TOKENS_STREAM, { fromRevision: this.nextRevision });
    for (const event of events) {
      this.apply(event as unknown as ApiTokenEvent);
      this.nextRevision = event.revision + 1n;
    }
  }

  private apply(event: ApiTokenEvent): void {
    if (event.type === 'ApiTokenIssued') {
      const { tokenId, name, role, secretSha256, issuedAt, expiresAt } = event.data;
      this.tokens.set(tokenId, { id: tokenId, name, role, createdAt: issuedAt, expiresAt, revokedAt: null });
      this.idsByHash.set(secretSha256, tokenId);
    } else if (event.type === 'ApiTokenRevoked') {
      const token = this.tokens.get(event.data.tokenId);
      if (token) token.revokedAt = event.data.revokedAt;
    }
  }

  /** Appends after the last event read; another writer in between means read again and retry. */
  private async appendAtHead(event: ApiTokenEvent, actor: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.refresh();
      const expectedRevision = this.nextRevision === 0n ? 'no_stream' : this.nextRevision - 1n;
      try {
        await this.store.append(
          API_TOKENS_STREAM,
          [{ id: uuidV7(), type: event.type, data: event.data, metadata: { actor } }],
          { expectedRevision },
        );
        await this.refresh();
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
