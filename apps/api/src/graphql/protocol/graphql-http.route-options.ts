import { GraphQLError } from 'graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BatchingNotAllowedError, UnsupportedMediaTypeError } from '../errors/http-refusals.js';
import {
  APPLICATION_JSON,
  GRAPHQL_RESPONSE_JSON,
  negotiateMediaType,
  NotAcceptableError,
} from './response-media-type.js';

/** The GraphQL-over-HTTP request parameters, before anything checked them. */
interface RequestParameters {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** A request that is not a GraphQL-over-HTTP request: answered 400 before Mercurius sees it. */
export class BadGraphQLRequestError extends Error {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'BadGraphQLRequestError';
  }
}

/**
 * Checks the parameters' types as the spec states them. Fastify's schema would coerce `"query": 1` to
 * "1"; and Mercurius reads a query that parses as JSON as a pre-parsed AST, so `"query": "1"` would
 * crash validation. No GraphQL document is valid JSON, so such a query is simply a syntax error.
 */
function checkParameters(parameters: RequestParameters, fromQueryString: boolean): void {
  const { query, operationName, variables, extensions } = parameters;
  if (query === undefined || query === null || query === '') {
    throw new BadGraphQLRequestError('The request has no "query" parameter.');
  }
  if (typeof query !== 'string') throw new BadGraphQLRequestError('"query" must be a string.');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new BadGraphQLRequestError('"operationName" must be a string or null.');
  }
  if (!fromQueryString) {
    for (const [name, value] of [
      ['variables', variables],
      ['extensions', extensions],
    ] as const) {
      if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
        throw new BadGraphQLRequestError(`"${name}" must be a map or null.`);
      }
    }
  }
  if (mayBeJson(query)) {
    let json = false;
    try {
      JSON.parse(query);
      json = true;
    } catch {
      // Not JSON: a GraphQL document (or a syntax error graphql-js will report).
    }
    if (json) throw new GraphQLError('Syntax Error: the query is JSON, not a GraphQL document.');
  }
}

/**
 * Whether `text` could be JSON at all, judged by how it starts: a GraphQL document starts with a keyword
 * or `{` and a field name, never `{"`, `{}`, `[`, a string, a number or a literal. Every ordinary query is
 * so told apart without JSON.parse throwing (an exception per request costs more than the check).
 */
function mayBeJson(text: string): boolean {
  return /^\s*(\{\s*["}]|\[|"|-|\d|true\b|false\b|null\b)/.test(text);
}

/**
 * Fastify route options for Mercurius's /graphql routes (`additionalRouteOptions`): what GraphQL over HTTP
 * asks for and Mercurius does not do by itself.
 */
export const graphqlHttpRouteOptions = {
  /** Runs before Mercurius's body schema, which would otherwise refuse what the spec allows. */
  async preValidation(request: FastifyRequest) {
    if (isWebSocket(request)) return;
    if (negotiateMediaType(request.headers) === undefined) {
      throw new NotAcceptableError(String(request.headers.accept));
    }
    if (request.method === 'GET') {
      checkParameters(request.query as RequestParameters, true);
      return;
    }
    // JSON only, as README says: a form or a bare document would carry a mutation past what clients
    // expect the server to take (and past CSRF protections that rely on JSON).
    const contentType = request.headers['content-type'];
    if (!/^application\/json\s*(;|$)/i.test(contentType ?? ''))
      throw new UnsupportedMediaTypeError(contentType);
    const body = request.body as RequestParameters | undefined;
    // Batches stay off (Mercurius's allowBatchedQueries): a batch of N would pass every per-request
    // limit N times over while counting once against the rate limit, and buys nothing over keep-alive.
    if (Array.isArray(body)) throw new BatchingNotAllowedError();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadGraphQLRequestError('The body must be a JSON object with a "query".');
    }
    checkParameters(body, false);
    // "extensions": null is a valid request; Mercurius's schema says `type: object`.
    if (body.extensions === null) delete body.extensions;
  },

  /** Answers in the media type the client asked for, and says which method a 405 wanted. */
  async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (isWebSocket(request)) return payload;
    if (reply.statusCode === 405) void reply.header('allow', 'GET, POST');
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (contentType.startsWith(APPLICATION_JSON) || contentType === '') {
      const type = negotiateMediaType(request.headers) ?? APPLICATION_JSON;
      void reply.header(
        'content-type',
        `${type === GRAPHQL_RESPONSE_JSON ? type : APPLICATION_JSON}; charset=utf-8`,
      );
    }
    return payload;
  },
};

function isWebSocket(request: FastifyRequest): boolean {
  return (request as { ws?: boolean }).ws === true || request.headers.upgrade?.toLowerCase() === 'websocket';
}
