import { StoreUnavailableError } from '@tracker/event-store';
import { UnauthenticatedError } from './auth-errors.js';
import { ANONYMOUS, type Principal } from './principal.js';
import type { RequestAuthenticator } from './request-authenticator.js';

/**
 * What the credentials of one HTTP request or one WebSocket connection came to: a principal, or the
 * reason they were refused. Kept in the GraphQL context rather than thrown at once, so the refusal is
 * answered as a GraphQL error with its code (a context function that throws gives the client a bare 500).
 */
export type RequestAccess =
  | { principal: Principal }
  /** Credentials that did not check out, or could not be checked (the event store is unreachable). */
  | { refused: UnauthenticatedError | StoreUnavailableError };

/** The GraphQL context's own part: everything else in it is Mercurius's and Nest's. */
export interface AccessContext {
  access?: RequestAccess;
}

export async function resolveAccess(
  authenticator: RequestAuthenticator,
  authorization: unknown,
): Promise<RequestAccess> {
  try {
    return { principal: await authenticator.authenticate(authorization) };
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof StoreUnavailableError) {
      return { refused: error };
    }
    throw error;
  }
}

const accessByRequest = new WeakMap<object, Promise<RequestAccess>>();

/**
 * The access of one HTTP request, resolved once whoever asks first (the rate limiter keys on it, the
 * GraphQL context needs it): one read of the token stream per request, not one per asker.
 */
export function accessOfRequest(
  authenticator: RequestAuthenticator,
  request: { headers: { authorization?: string | undefined } },
): Promise<RequestAccess> {
  let access = accessByRequest.get(request);
  if (access === undefined) {
    access = resolveAccess(authenticator, request.headers.authorization);
    accessByRequest.set(request, access);
  }
  return access;
}

/**
 * The caller of this GraphQL operation. A context without access (an operation run from inside the
 * server) is anonymous; credentials that were refused throw their error here (UNAUTHENTICATED, or
 * UNAVAILABLE when they could not be checked).
 */
export function principalOf(context: unknown): Principal {
  const access = (context as AccessContext | undefined)?.access;
  if (access === undefined) return ANONYMOUS;
  if ('refused' in access) throw access.refused;
  return access.principal;
}
