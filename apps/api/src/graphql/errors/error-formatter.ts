import { Logger } from '@nestjs/common';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { toClientError, unwrapErrors, type ClientError } from './client-error.js';
import { GRAPHQL_RESPONSE_JSON, negotiateMediaType } from '../protocol/response-media-type.js';

interface FormatterContext {
  reply?: {
    request: {
      headers: Record<string, string | string[] | undefined>;
      routeOptions?: { bodyLimit?: number };
    };
  };
}

// Nest's logger (pino once the app is up): Fastify's own logger is silent in this app.
const logger = new Logger('GraphQL');

/**
 * Mercurius `errorFormatter`: the one place every error becomes what the client sees (see
 * `toClientError` for the codes) and the HTTP status is chosen, per GraphQL over HTTP:
 * - an HTTP-level refusal (bad JSON, wrong method, wrong media type) keeps its own 4xx;
 * - a request error (parse, validation, variables, limits) has no `data` entry, and is 400 for a client
 *   accepting application/graphql-response+json, 200 for a legacy application/json client;
 * - errors raised while executing come with `data` and status 200.
 * Unexpected errors are logged in full and answered with a generic message: no stack ever leaves.
 */
export function formatGraphQLErrors(
  execution: ExecutionResult & { errors: readonly GraphQLError[] },
  context: FormatterContext,
  options: { suggestions: boolean } = { suggestions: true },
): { statusCode: number; response: ExecutionResult } {
  const contentType = context.reply?.request.headers['content-type'];
  const facts = {
    bodyLimit: context.reply?.request.routeOptions?.bodyLimit,
    contentType: typeof contentType === 'string' ? contentType : undefined,
  };
  const clientErrors: ClientError[] = execution.errors
    .flatMap(unwrapErrors)
    .map((error) => toClientError(error, facts));
  for (const error of clientErrors) {
    if (error.internal !== undefined) {
      const cause = error.internal as Error;
      logger.error(`GraphQL request failed: ${cause.message}`, cause.stack);
    }
  }
  const errors = clientErrors.map((error) =>
    options.suggestions ? error.body : withoutSuggestions(error.body),
  ) as unknown as GraphQLError[];
  const executed = execution.data !== undefined && clientErrors.every((error) => error.stage === 'field');
  if (executed) return { statusCode: 200, response: { data: execution.data, errors } };

  const httpStatus = clientErrors.find((error) => error.stage === 'http')?.status;
  const headers = context.reply?.request.headers ?? {};
  const modern = negotiateMediaType(headers) === GRAPHQL_RESPONSE_JSON;
  return { statusCode: httpStatus ?? (modern ? 400 : 200), response: { errors } };
}

/** graphql-js names fields and types the schema holds ("Did you mean "records"?"): left out. */
function withoutSuggestions<T extends { message: string }>(body: T): T {
  const message = body.message.replace(/\s*Did you mean [^?]*\?$/, '');
  return message === body.message ? body : { ...body, message };
}
