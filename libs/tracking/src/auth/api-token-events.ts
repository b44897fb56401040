import type { Role } from './roles.js';

/**
 * Tokens are managed as events in the event store, in one stream: every API instance on the store sees
 * a token issued or revoked anywhere, and the stream is the audit trail of who could write when.
 * Token management is rare, so the whole stream stays small enough to fold in memory.
 */
export const API_TOKENS_STREAM = 'api-tokens';

export interface ApiTokenIssued {
  type: 'ApiTokenIssued';
  data: {
    tokenId: string;
    name: string;
    role: Role;
    /** SHA-256 of the secret, hex: the secret itself is never stored. */
    secretSha256: string;
    issuedAt: string;
    expiresAt: string | null;
  };
}

export interface ApiTokenRevoked {
  type: 'ApiTokenRevoked';
  data: { tokenId: string; revokedAt: string };
}

export type ApiTokenEvent = ApiTokenIssued | ApiTokenRevoked;
