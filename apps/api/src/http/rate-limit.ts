import fastifyRateLimit, { normalizeIP, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { accessOfRequest } from '../auth/request-access.js';
import type { RequestAuthenticator } from '../auth/request-authenticator.js';
import type { AppConfig } from '@tracker/config';
import { RateLimitedError } from '../graphql/errors/http-refusals.js';

/**
 * Routes never counted: probes must keep answering whoever is over the limit, and the dashboard's static
 * files (script, style, fonts) cost nothing to serve; its pages count as any request.
 */
const UNLIMITED_PATHS: ReadonlySet<string> = new Set(['/health', '/assets/:file']);

/**
 * Whose allowance a request draws on: its token's when it carries a valid bearer token, its client
 * address's otherwise. A token that does not check out counts against the address, so sending made-up
 * tokens buys no fresh allowance. A WebSocket upgrade is a request like any other: it counts once, against
 * the token of its `Authorization` header if it has one (the `connection_init` token comes only later,
 * over the open socket), otherwise against its address.
 */
export async function rateLimitKey(
  authenticator: RequestAuthenticator,
  request: FastifyRequest,
): Promise<string> {
  // Refused credentials (answered UNAUTHENTICATED), or tokens that cannot be read just now (answered
  // UNAVAILABLE by the request's own path): either way the request counts, by address.
  const access = await accessOfRequest(authenticator, request);
  if ('principal' in access && access.principal.kind === 'token') return `token:${access.principal.tokenId}`;
  return `address:${normalizeIP(request.ip)}`;
}

/** The @fastify/rate-limit options for the configured limit. */
export function rateLimitOptions(
  config: Pick<AppConfig, 'rateLimitMax' | 'rateLimitWindowSeconds'>,
  authenticator: RequestAuthenticator,
): RateLimitPluginOptions {
  return {
    global: true,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowSeconds * 1000,
    keyGenerator: (request) => rateLimitKey(authenticator, request),
    allowList: (request) => UNLIMITED_PATHS.has(request.routeOptions.url ?? ''),
    // Thrown by the limiter's hook: the error formatter answers it 429 in GraphQL's shape, after the
    // limiter has set Retry-After.
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(context.max, config.rateLimitWindowSeconds, Math.ceil(context.ttl / 1000)),
  };
}

/**
 * Registers the rate limit on the whole Fastify instance. Must run before any route is added (the
 * limiter hooks into each route as it is added), so before Nest's init and Mercurius's registration.
 * A limit of 0 registers nothing.
 */
export async function registerRateLimit(
  app: NestFastifyApplication,
  config: Pick<AppConfig, 'rateLimitMax' | 'rateLimitWindowSeconds'>,
  authenticator: RequestAuthenticator,
): Promise<void> {
  if (config.rateLimitMax === 0) return;
  await app.register(fastifyRateLimit, rateLimitOptions(config, authenticator));
}
