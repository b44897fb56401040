import { UnauthenticatedError } from './auth-errors.js';
import type { Principal } from './principal.js';

/**
 * The one read rule, for GraphQL and the plain HTTP routes alike: anyone reads when reading is public,
 * otherwise any token does. The refusal to give when `principal` may not read, or undefined.
 */
export function readRefusal(principal: Principal, publicRead: boolean): UnauthenticatedError | undefined {
  if (principal.kind !== 'anonymous' || publicRead) return undefined;
  return new UnauthenticatedError(
    'Reading needs a bearer token on this server (TRACKER_PUBLIC_READ=false): send "Authorization: Bearer <token>"',
  );
}
