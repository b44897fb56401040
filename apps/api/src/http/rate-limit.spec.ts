import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../auth/auth-errors.js';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import type { RequestAuthenticator } from '../auth/request-authenticator.js';
import { RateLimitedError } from '../graphql/errors/http-refusals.js';
import { rateLimitKey, rateLimitOptions } from './rate-limit.js';

/** Authenticates `Bearer good-<id>` as the token <id>, refuses any other credentials. */
const authenticator = {
  async authenticate(authorization: unknown): Promise<Principal> {
    if (authorization === undefined) return ANONYMOUS;
    const id = /^Bearer good-(\w+)$/.exec(String(authorization))?.[1];
    if (id === undefined) throw new UnauthenticatedError('Unknown API token');
    return { kind: 'token', actor: `actor-${id}`, role: 'reader', tokenId: id };
  },
} as unknown as RequestAuthenticator;

function request(ip: string, authorization?: string, url = '/graphql'): FastifyRequest {
  return {
    ip,
    headers: authorization === undefined ? {} : { authorization },
    routeOptions: { url },
  } as never;
}

describe('rateLimitKey', () => {
  it('counts a valid token by its id, wherever it comes from', async () => {
    expect(await rateLimitKey(authenticator, request('10.0.0.1', 'Bearer good-a'))).toBe('token:a');
    expect(await rateLimitKey(authenticator, request('10.0.0.2', 'Bearer good-a'))).toBe('token:a');
  });

  it('counts anonymous requests and refused tokens by address', async () => {
    expect(await rateLimitKey(authenticator, request('10.0.0.1'))).toBe('address:10.0.0.1');
    expect(await rateLimitKey(authenticator, request('10.0.0.1', 'Bearer made-up'))).toBe('address:10.0.0.1');
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped one as IPv4', async () => {
    const [a, b] = await Promise.all([
      rateLimitKey(authenticator, request('2001:db8:1:2::1')),
      rateLimitKey(authenticator, request('2001:db8:1:2:ffff::9')),
    ]);
    expect(a).toBe(b);
    expect(await rateLimitKey(authenticator, request('::ffff:127.0.0.1'))).toBe('address:127.0.0.1');
  });
});

describe('rateLimitOptions', () => {
  const options = rateLimitOptions({ rateLimitMax: 5, rateLimitWindowSeconds: 3600 }, authenticator);

  it('takes the limit and window from the configuration', () => {
    expect(options).toMatchObject({ global: true, max: 5, timeWindow: 3_600_000 });
  });

  it('leaves /health out', async () => {
    const allowList = options.allowList as (request: FastifyRequest, key: string) => boolean;
    expect(allowList(request('10.0.0.1', undefined, '/health'), 'address:10.0.0.1')).toBe(true);
    expect(allowList(request('10.0.0.1', undefined, '/graphql'), 'address:10.0.0.1')).toBe(false);
  });

  it('refuses with RATE_LIMITED, saying when to retry', () => {
    const refusal = options.errorResponseBuilder!(request('10.0.0.1'), {
      statusCode: 429,
      ban: false,
      after: '59 minutes',
      max: 5,
      ttl: 3_540_100,
    });
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({
      statusCode: 429,
      limit: 5,
      windowSeconds: 3600,
      retryAfterSeconds: 3541,
    });
  });
});
