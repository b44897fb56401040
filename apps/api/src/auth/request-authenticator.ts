import type { ApiTokenStore } from '@tracker/tracking';
import { UnauthenticatedError } from './auth-errors.js';
import { ANONYMOUS, type Principal } from './principal.js';

/**
 * Turns what a client sent (an HTTP `Authorization` header, or the `Authorization` / `authorization`
 * field of graphql-ws `connection_init`) into a Principal. No credentials: anonymous (whether anonymous
 * may read is decided elsewhere). Credentials that do not check out: UNAUTHENTICATED, never anonymous,
 * so a client with a revoked token learns it instead of silently reading as nobody.
 */
export class RequestAuthenticator {
  constructor(private readonly tokens: ApiTokenStore) {}

  async authenticate(authorization: unknown): Promise<Principal> {
    if (authorization === undefined || authorization === null || authorization === '') return ANONYMOUS;
    if (typeof authorization !== 'string') throw new UnauthenticatedError('Authorization must be a string');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    const found = await this.tokens.authenticate(match[1]!);
    if (!found) throw new UnauthenticatedError('Unknown API token');
    if (found.problem === 'expired')
      throw new UnauthenticatedError(`The API token "${found.token.name}" has expired`);
    if (found.problem === 'revoked')
      throw new UnauthenticatedError(`The API token "${found.token.name}" was revoked`);
    return { kind: 'token', actor: found.token.name, role: found.token.role, tokenId: found.token.id };
  }
}
