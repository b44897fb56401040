import type { FastifyReply, FastifyRequest } from 'fastify';
import { accessOfRequest } from '../auth/request-access.js';
import { readRefusal } from '../auth/read-policy.js';
import type { RequestAuthenticator } from '../auth/request-authenticator.js';

/**
 * The read rule of GraphQL for plain HTTP routes (exports, the NDJSON feed): anyone when reading is
 * public, otherwise any valid token. A refusal is answered as GraphQL answers one, so clients handle one
 * error shape: `{ errors: [{ message, extensions: { code } }] }`. Returns false when it answered.
 */
export async function mayRead(
  authenticator: RequestAuthenticator,
  publicRead: boolean,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const access = await accessOfRequest(authenticator, request);
  if ('refused' in access) {
    const unavailable = access.refused.name === 'StoreUnavailableError';
    refuse(
      reply,
      unavailable ? 503 : 401,
      unavailable ? 'UNAVAILABLE' : 'UNAUTHENTICATED',
      access.refused.message,
    );
    return false;
  }
  const refusal = readRefusal(access.principal, publicRead);
  if (refusal) {
    refuse(reply, 401, refusal.code, refusal.message);
    return false;
  }
  return true;
}

/** An error answer in GraphQL's shape, with the HTTP status that says the same. */
export function refuse(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  void reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code, ...extensions } }] });
}
