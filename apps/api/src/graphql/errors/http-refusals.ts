/**
 * Requests refused at the HTTP level, before GraphQL looks at them; each keeps its own status and is
 * answered with a GraphQL-shaped body by the error formatter.
 */

/** A JSON array of operations: one operation per request. Answered 400 BATCHING_NOT_ALLOWED. */
export class BatchingNotAllowedError extends Error {
  readonly code = 'BATCHING_NOT_ALLOWED';
  readonly statusCode = 400;
  constructor() {
    super(
      'Batched requests (a JSON array of operations) are not accepted: send one operation per request; one operation may ask for several root fields.',
    );
    this.name = 'BatchingNotAllowedError';
  }
}

/** Over the rate limit. Answered 429 RATE_LIMITED, with Retry-After set by the rate limiter. */
export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';
  readonly statusCode = 429;
  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `Too many requests: at most ${limit} every ${windowSeconds} seconds per token (per address without one). Retry in ${retryAfterSeconds} seconds.`,
    );
    this.name = 'RateLimitedError';
  }
}

/** A POST whose body is not JSON (a form, a bare GraphQL document): answered 415 UNSUPPORTED_MEDIA_TYPE. */
export class UnsupportedMediaTypeError extends Error {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly statusCode = 415;
  constructor(contentType: string | undefined) {
    super(
      `POST /graphql takes a JSON body (content-type: application/json), not ${contentType ? `"${contentType}"` : 'a body without a content type'}.`,
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}
