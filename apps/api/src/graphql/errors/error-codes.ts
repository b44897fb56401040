/**
 * Every `extensions.code` the API answers with besides the domain's own codes (DOMAIN_ERROR_CODES in
 * @tracker/domain, passed through as they are). Stable: clients switch on them.
 */
export const API_ERROR_CODES = {
  /** An argument failed class-validator or GraphQL's variable coercion; `extensions.fields` lists why. */
  BAD_USER_INPUT: 'an input field is missing or malformed',
  /** The document is not GraphQL. */
  GRAPHQL_PARSE_FAILED: 'the document does not parse',
  /** The document does not fit the schema. */
  GRAPHQL_VALIDATION_FAILED: 'the document does not validate against the schema',
  /** Deeper than GRAPHQL_LIMITS.maxDepth. */
  QUERY_TOO_DEEP: 'the operation is nested too deeply',
  /** Costlier than GRAPHQL_LIMITS.maxComplexity, or so repetitive that graphql-js stopped validating it. */
  QUERY_TOO_COMPLEX: 'the operation asks for too much at once',
  /** More aliases in one operation than GRAPHQL_LIMITS.maxAliases. */
  TOO_MANY_ALIASES: 'the operation uses too many aliases',
  /** More tokens in the document than GRAPHQL_LIMITS.maxTokens (however many operations or fields). */
  DOCUMENT_TOO_LARGE: 'the GraphQL document is too long',
  /** A JSON array of operations in one request: batching is not accepted, send one per request. */
  BATCHING_NOT_ALLOWED: 'batched requests are not accepted',
  /** An idempotency key sent again with a different request (another mutation, or other values): nothing written. */
  IDEMPOTENCY_KEY_REUSED: 'the idempotency key was used for a different request',
  UNSUPPORTED_MEDIA_TYPE: 'a POST body that is not JSON (HTTP 415)',
  /** The HTTP body is bigger than TRACKER_MAX_BODY_BYTES (413). */
  PAYLOAD_TOO_LARGE: 'the request body is too large',
  /** Too many requests from one token (one address without a token) in the window (429, Retry-After). */
  RATE_LIMITED: 'too many requests; retry after the Retry-After seconds',
  /** One more subscription than GRAPHQL_LIMITS.maxSubscriptionsPerConnection on one graphql-ws connection. */
  TOO_MANY_SUBSCRIPTIONS: 'too many subscriptions on this connection',
  /** Not a GraphQL-over-HTTP request (bad JSON, no query, wrong media type), or a graphql-ws query that is not a string. */
  BAD_REQUEST: 'the HTTP request is malformed',
  /** A mutation (or subscription) sent with GET. */
  METHOD_NOT_ALLOWED: 'only queries may be sent with GET',
  /** Neither application/graphql-response+json nor application/json is acceptable to the client. */
  NOT_ACCEPTABLE: 'no acceptable response media type',
  /** No credentials where they are needed, or a token that is unknown, expired or revoked. */
  UNAUTHENTICATED: 'a valid bearer token is needed',
  /** A valid token whose role may not do this (each mutation's role is in the README). */
  FORBIDDEN: "the token's role may not do this",
  /** The record or country asked for does not exist. */
  NOT_FOUND: 'no such record or country',
  /** The event is in the transparency log but no signed checkpoint covers it yet; ask again after the interval. */
  NOT_YET_CHECKPOINTED: 'no signed checkpoint covers the event yet',
  /** The record kept changing under the command; nothing was written, try again. */
  CONFLICT: 'the record changed concurrently',
  /** The event store cannot be reached, or is in no state to take the write (a cluster node not ready, too busy, not the leader); nothing was written. */
  UNAVAILABLE: 'the event store is unavailable',
  /** The event store did not confirm a write (it timed out): it may have been recorded, whole, or not at all; resend it with the same idempotencyKey. */
  OUTCOME_UNKNOWN: 'the write may or may not have been recorded',
  /** Anything unexpected; the details are in the server log, never in the response. */
  INTERNAL_SERVER_ERROR: 'an unexpected error',
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;
