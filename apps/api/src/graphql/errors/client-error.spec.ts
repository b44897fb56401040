import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { toClientError } from './client-error.js';
import { tooManyAliasesError } from '../protocol/alias-limit.js';
import { BatchingNotAllowedError, RateLimitedError } from './http-refusals.js';
import { QueryTooComplexError } from '../protocol/query-complexity.js';

/** What Fastify throws for a body over its bodyLimit. */
function bodyTooLarge(): Error {
  return Object.assign(new RangeError('Request body is too large'), {
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    statusCode: 413,
  });
}

/** Mercurius hands its errors to the formatter as GraphQLErrors wrapping the original. */
const wrapped = (error: Error) => new GraphQLError(error.message, { originalError: error });

describe('toClientError: the limits', () => {
  it('answers a body over the limit 413 PAYLOAD_TOO_LARGE, naming the limit when known', () => {
    expect(toClientError(wrapped(bodyTooLarge()), { bodyLimit: 4096 })).toEqual({
      stage: 'http',
      status: 413,
      body: {
        message: 'The request body is larger than 4096 bytes, the limit (TRACKER_MAX_BODY_BYTES).',
        extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 4096 },
      },
    });
    expect(toClientError(bodyTooLarge()).body).toEqual({
      message: 'The request body is too large.',
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('answers the rate limit 429 RATE_LIMITED with the limit, the window and when to retry', () => {
    const client = toClientError(wrapped(new RateLimitedError(5, 3600, 3599)));
    expect(client.stage).toBe('http');
    expect(client.status).toBe(429);
    expect(client.body.message).toBe(
      'Too many requests: at most 5 every 3600 seconds per token (per address without one). Retry in 3599 seconds.',
    );
    expect(client.body.extensions).toEqual({
      code: 'RATE_LIMITED',
      limit: 5,
      windowSeconds: 3600,
      retryAfterSeconds: 3599,
    });
  });

  it('answers a batch 400 BATCHING_NOT_ALLOWED', () => {
    const client = toClientError(wrapped(new BatchingNotAllowedError()));
    expect(client).toMatchObject({ stage: 'http', status: 400 });
    expect(client.body.extensions).toEqual({ code: 'BATCHING_NOT_ALLOWED' });
  });

  it('keeps the code a validation rule gave its request error (aliases)', () => {
    const client = toClientError(tooManyAliasesError(20, 21));
    expect(client.stage).toBe('request');
    expect(client.body.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 20, aliases: 21 });
  });

  it("turns the parser's token limit into DOCUMENT_TOO_LARGE", () => {
    let syntaxError: GraphQLError | undefined;
    try {
      parse('{ a b c d }', { maxTokens: 3 });
    } catch (error) {
      syntaxError = error as GraphQLError;
    }
    const client = toClientError(syntaxError!);
    expect(client.stage).toBe('request');
    expect(client.body.message).toMatch(/^The document has more than 3 tokens, the limit/);
    expect(client.body.extensions).toEqual({ code: 'DOCUMENT_TOO_LARGE', limit: 3 });
    // Any other syntax error stays a parse failure.
    expect(
      toClientError(new GraphQLError('Syntax Error: Expected Name, found <EOF>.')).body.extensions.code,
    ).toBe('GRAPHQL_PARSE_FAILED');
  });

  it("turns graphql-js's own validation budget into QUERY_TOO_COMPLEX", () => {
    const schema = buildSchema('type Query { a(x: Int): Int }');
    const conflicting = Array.from({ length: 2000 }, (_, i) => `a(x: ${i})`).join(' ');
    const errors = validate(schema, parse(`{ ${conflicting} }`));
    const aborted = errors.find((error) => error.message === 'Validation aborted.');
    expect(aborted).toBeDefined();
    const client = toClientError(aborted!);
    expect(client.stage).toBe('request');
    expect(client.body.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(client.body.message).toMatch(/validating it was stopped/);
  });

  it('names depth and complexity with their limits', () => {
    const depth = Object.assign(
      new Error('`unnamedQuery query depth (13) exceeds the query depth limit of 12'),
      {
        code: 'MER_ERR_GQL_QUERY_DEPTH',
      },
    );
    expect(toClientError(depth).body).toEqual({
      message: 'The operation is 13 levels deep, above the limit of 12: ask for less nested data.',
      extensions: { code: 'QUERY_TOO_DEEP', depth: 13, limit: 12 },
    });
    expect(toClientError(wrapped(new QueryTooComplexError(12_016, 10_000))).body.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      complexity: 12_016,
      limit: 10_000,
    });
  });
});
