import { DomainError } from '@tracker/domain';
import { NotYetCheckpointedError } from '../../integrity/not-yet-checkpointed.error.js';
import {
  InvalidAppendError,
  StoreUnavailableError,
  WriteOutcomeUnknownError,
  WrongExpectedRevisionError,
} from '@tracker/event-store';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from '@tracker/tracking';
import { InvalidQueryArgumentError, ReadModelNotFoundError } from '@tracker/read-models';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type SourceLocation } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../../auth/auth-errors.js';
import { DocumentTooDeepError } from '../protocol/document-nesting.js';
import { documentTooLargeError, parserTokenLimit } from '../protocol/document-size.js';
import type { ApiErrorCode } from './error-codes.js';
import { BatchingNotAllowedError, RateLimitedError, UnsupportedMediaTypeError } from './http-refusals.js';
import type { FieldProblem } from '@tracker/mutation-inputs';
import {
  isValidationAborted,
  QueryTooComplexError,
  VALIDATION_ABORTED_MESSAGE,
} from '../protocol/query-complexity.js';

/**
 * How an error stands towards the HTTP exchange, which decides the status code:
 * - `http`: the request is not a GraphQL-over-HTTP request at all (bad JSON, wrong method): its own status;
 * - `request`: a GraphQL request error (parse, validation, variables, limits): nothing ran, no `data`;
 * - `field`: raised while executing (a refused command, a missing record): `data` is there, status 200.
 */
export type ErrorStage = 'http' | 'request' | 'field';

/** One error as the client sees it, with what the formatter needs to choose the status. */
export interface ClientError {
  stage: ErrorStage;
  /** The HTTP status for `http` errors. */
  status?: number;
  /** Set when the real cause must be logged because the client only gets a generic message. */
  internal?: unknown;
  body: {
    message: string;
    locations?: readonly SourceLocation[];
    path?: readonly (string | number)[];
    extensions: { code: ApiErrorCode | DomainError['code'] } & Record<string, unknown>;
  };
}

const GENERIC_MESSAGE = 'Internal server error';

/** Expands Mercurius's wrapper (MER_ERR_GQL_VALIDATION and friends carry the real errors in `.errors`). */
export function unwrapErrors(error: GraphQLError | Error): (GraphQLError | Error)[] {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const inner = (original as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.length > 0) {
    const code = (original as { code?: string }).code;
    if (code === 'MER_ERR_METHOD_NOT_ALLOWED') return [original];
    return inner as Error[];
  }
  return [error];
}

/** What the formatter knows of the request, for messages that name a limit. */
export interface RequestFacts {
  /** The route's body limit in bytes (Fastify's own error does not say it). */
  bodyLimit?: number;
  /** The request's content type, for a 415 that names it. */
  contentType?: string;
}

/** Codes a limit puts on a request error it reports itself (validation rules, refusals in client shape). */
const LIMIT_CODES: ReadonlySet<unknown> = new Set<ApiErrorCode>(['TOO_MANY_ALIASES', 'DOCUMENT_TOO_LARGE']);

/** How an answer is shaped at each stage: a field's error, a whole request's, or an HTTP refusal. */
interface Answers {
  field(code: ClientError['body']['extensions']['code'], message: string, extra?: object): ClientError;
  request(code: ApiErrorCode, message: string, extra?: object): ClientError;
  http(status: number, code: ApiErrorCode, message: string, extra?: object): ClientError;
}

/**
 * The one mapping from what went wrong to what the client is told: refusals of the transport (before
 * GraphQL looked at the request), of access, the application's own errors, then GraphQL's request errors;
 * anything else is INTERNAL_SERVER_ERROR, its details only in the log.
 */
export function toClientError(error: GraphQLError | Error, facts: RequestFacts = {}): ClientError {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const cause = graphqlError?.originalError ?? error;
  const where = {
    ...(graphqlError?.locations ? { locations: graphqlError.locations } : {}),
    ...(graphqlError?.path ? { path: graphqlError.path } : {}),
  };
  const answers: Answers = {
    field: (code, message, extra = {}) =>
      ({ stage: 'field', body: { message, ...where, extensions: { code, ...extra } } }) as ClientError,
    request: (code, message, extra = {}) =>
      ({ stage: 'request', body: { message, ...where, extensions: { code, ...extra } } }) as ClientError,
    http: (status, code, message, extra = {}) =>
      ({ stage: 'http', status, body: { message, extensions: { code, ...extra } } }) as ClientError,
  };
  return (
    transportRefusal(cause, facts, answers) ??
    accessRefusal(cause, graphqlError, answers) ??
    applicationError(cause, graphqlError, answers) ??
    protocolRefusal(cause, facts, answers) ??
    graphqlRequestError(cause, graphqlError, answers) ?? {
      ...answers.field('INTERNAL_SERVER_ERROR', GENERIC_MESSAGE),
      internal: cause,
    }
  );
}

/** Refused before GraphQL looked at the request: the rate, the batch, the media type, the body's size. */
function transportRefusal(cause: Error, facts: RequestFacts, { http }: Answers): ClientError | undefined {
  if (cause instanceof RateLimitedError) {
    return http(429, cause.code, cause.message, {
      limit: cause.limit,
      windowSeconds: cause.windowSeconds,
      retryAfterSeconds: cause.retryAfterSeconds,
    });
  }
  if (cause instanceof BatchingNotAllowedError) return http(400, cause.code, cause.message);
  if (cause instanceof UnsupportedMediaTypeError) return http(415, cause.code, cause.message);
  if ((cause as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = facts.bodyLimit;
    return http(
      413,
      'PAYLOAD_TOO_LARGE',
      limit === undefined
        ? 'The request body is too large.'
        : `The request body is larger than ${limit} bytes, the limit (TRACKER_MAX_BODY_BYTES).`,
      limit === undefined ? {} : { limit },
    );
  }
  return undefined;
}

/**
 * The protocol's refusals that reach us as the server's own errors (Mercurius's depth limit and method
 * check, content negotiation, Fastify's body parsing): after the application's errors, which may carry
 * codes and statuses of their own.
 */
function protocolRefusal(
  cause: Error,
  facts: RequestFacts,
  { http, request }: Answers,
): ClientError | undefined {
  const code = (cause as { code?: unknown }).code;
  if (code === 'MER_ERR_GQL_QUERY_DEPTH') {
    // Mercurius says "`name query depth (13) exceeds the query depth limit of 12`"; say it plainly.
    const match = /query depth \((\d+)\) exceeds the query depth limit of (\d+)/.exec(cause.message);
    const [depth, limit] = match ? [Number(match[1]), Number(match[2])] : [undefined, undefined];
    return request(
      'QUERY_TOO_DEEP',
      match
        ? `The operation is ${depth} levels deep, above the limit of ${limit}: ask for less nested data.`
        : 'The operation is nested too deeply.',
      match ? { depth, limit } : {},
    );
  }
  if (code === 'MER_ERR_METHOD_NOT_ALLOWED') {
    return http(405, 'METHOD_NOT_ALLOWED', 'Only queries may be sent with GET; send mutations with POST.');
  }
  if (code === 'NOT_ACCEPTABLE') return http(406, 'NOT_ACCEPTABLE', cause.message);
  // Fastify's own refusals: bad JSON, empty body, wrong media type, body schema (query not a string)...
  const status = (cause as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && !(cause instanceof GraphQLError)) {
    // A body of a type no parser takes (a form, a bare document): the same answer as our own check.
    if (status === 415) {
      const refusal = new UnsupportedMediaTypeError(facts.contentType);
      return http(415, refusal.code, refusal.message);
    }
    return http(status, 'BAD_REQUEST', cause.message);
  }
  if ((cause as { validation?: unknown }).validation !== undefined) {
    return http(400, 'BAD_REQUEST', `Not a GraphQL-over-HTTP request: ${cause.message}`);
  }
  return undefined;
}

/**
 * Access control: refused before anything ran (the access hook), the HTTP status says so too; refused
 * while executing (the send path's own check), a field error like any refused command.
 */
function accessRefusal(
  cause: Error,
  graphqlError: GraphQLError | undefined,
  { field, http }: Answers,
): ClientError | undefined {
  if (!(cause instanceof UnauthenticatedError || cause instanceof ForbiddenError)) return undefined;
  if (graphqlError?.path !== undefined) return field(cause.code, cause.message);
  return http(cause instanceof UnauthenticatedError ? 401 : 403, cause.code, cause.message);
}

/** The errors the application raises on purpose: the domain's rules, the store, the read model, limits. */
function applicationError(
  cause: Error,
  graphqlError: GraphQLError | undefined,
  { field, request, http }: Answers,
): ClientError | undefined {
  if (cause instanceof DomainError) {
    return field(cause.code, cause.message, cause.field === undefined ? {} : { field: cause.field });
  }
  if (cause instanceof ConcurrencyConflictError || cause instanceof WrongExpectedRevisionError) {
    return field('CONFLICT', cause.message);
  }
  if (cause instanceof ReadModelNotFoundError) return field('NOT_FOUND', cause.message);
  if (cause instanceof InvalidQueryArgumentError) {
    return field('BAD_USER_INPUT', `Invalid input. ${cause.argument}: ${cause.message}`, {
      fields: [{ field: cause.argument, reasons: [cause.message] }],
    });
  }
  if (cause instanceof IdempotencyKeyReusedError) return field(cause.code, cause.message);
  if (cause instanceof NotYetCheckpointedError) return field(cause.code, cause.message);
  if (cause instanceof StoreUnavailableError) {
    const message = 'The event store is unavailable; nothing was written. Try again later.';
    // Before execution (a token that could not be checked), nothing ran: 503, like /health.
    if (graphqlError?.path === undefined) return { ...http(503, 'UNAVAILABLE', message), internal: cause };
    return { ...field('UNAVAILABLE', message), internal: cause };
  }
  if (cause instanceof WriteOutcomeUnknownError) {
    return {
      ...field(
        'OUTCOME_UNKNOWN',
        'The event store did not confirm the write: it may have been recorded, whole, or not at all. ' +
          'Send the same mutation again with the same idempotencyKey: it records nothing twice ' +
          "(without a key, look at the record's history first).",
      ),
      internal: cause,
    };
  }
  if (cause instanceof InvalidAppendError) return field('BAD_USER_INPUT', cause.message);
  if (cause instanceof DocumentTooDeepError) {
    return request('QUERY_TOO_DEEP', cause.message, { limit: cause.limit });
  }
  if (cause instanceof QueryTooComplexError) {
    return request('QUERY_TOO_COMPLEX', cause.message, { complexity: cause.complexity, limit: cause.limit });
  }
  if (cause instanceof HttpException) return fromHttpException(cause, field);
  return undefined;
}

/** GraphQL's own request errors, raised before execution (so without a path), and inputs it refused. */
function graphqlRequestError(
  cause: Error,
  graphqlError: GraphQLError | undefined,
  { field, request }: Answers,
): ClientError | undefined {
  if (graphqlError && graphqlError.path === undefined && LIMIT_CODES.has(graphqlError.extensions.code)) {
    const { code, ...extra } = graphqlError.extensions;
    return request(code as ApiErrorCode, graphqlError.message, extra);
  }
  const tokenLimit = graphqlError === undefined ? undefined : parserTokenLimit(graphqlError.message);
  if (tokenLimit !== undefined) {
    // Without the parser's location: where it stopped counting says nothing to the client.
    const { message, extensions } = documentTooLargeError(tokenLimit);
    return {
      stage: 'request',
      body: { message, extensions: extensions as ClientError['body']['extensions'] },
    };
  }
  if (graphqlError && graphqlError.path === undefined && isValidationAborted(graphqlError)) {
    return request('QUERY_TOO_COMPLEX', VALIDATION_ABORTED_MESSAGE);
  }
  if (graphqlError && graphqlError.path === undefined) {
    // A variable that does not coerce may carry the scalar's or enum's error as originalError.
    const coercion = variableCoercionProblem(graphqlError.message);
    if (coercion) return request('BAD_USER_INPUT', graphqlError.message, { fields: [coercion] });
  }
  if (graphqlError && graphqlError.originalError === undefined && graphqlError.path === undefined) {
    if (graphqlError.message.startsWith('Syntax Error')) {
      return request('GRAPHQL_PARSE_FAILED', graphqlError.message);
    }
    return request('GRAPHQL_VALIDATION_FAILED', graphqlError.message);
  }
  // Already in client shape (the validation pipe's BAD_USER_INPUT).
  const given = graphqlError?.extensions?.code ?? (cause as GraphQLError).extensions?.code;
  if (given === 'BAD_USER_INPUT') {
    const extensions = { ...graphqlError?.extensions, ...(cause as GraphQLError).extensions };
    return field('BAD_USER_INPUT', cause.message, { fields: extensions.fields });
  }
  return undefined;
}

function fromHttpException(
  cause: HttpException,
  field: (code: ApiErrorCode, message: string) => ClientError,
): ClientError {
  const status = cause.getStatus();
  if (status === 400) return field('BAD_USER_INPUT', cause.message);
  if (status === 404) return field('NOT_FOUND', cause.message);
  return { ...field('INTERNAL_SERVER_ERROR', GENERIC_MESSAGE), internal: cause };
}

/**
 * graphql-js reports a variable that does not coerce as `Variable "$input" got invalid value ... at
 * "input.sources[0]"; Field "url" of required type "String!" was not provided.` These are the client's
 * input, like class-validator's findings: BAD_USER_INPUT, with the field path inside the variable.
 */
export function variableCoercionProblem(message: string): FieldProblem | undefined {
  const variable = /^Variable "\$([^"]+)" (got invalid value|of required type|of non-null type)/.exec(
    message,
  );
  if (!variable) return undefined;
  const at = / at "([^"]+)"/.exec(message)?.[1];
  // The path starts with the variable's name; the rest is the field inside it, as domain errors say.
  const inside = at === undefined ? '' : at.replace(/^[^.[]+\.?/, '');
  const named = /; Field "([^"]+)" (of required type|is not defined)/.exec(message)?.[1];
  const fieldPath = [inside, named].filter(Boolean).join('.') || variable[1]!;
  const reason = message.includes('; ') ? message.slice(message.indexOf('; ') + 2) : message;
  return { field: fieldPath, reasons: [reason] };
}
