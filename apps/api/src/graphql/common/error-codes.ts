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
  /** Costlier than GRAPHQL_LIMITS.maxComplexity. */
  QUERY_TOO_COMPLEX: 'the operation asks for too much at once',
  /** The HTTP request is not a GraphQL-over-HTTP request (bad JSON, no query, wrong media type). */
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
  /** The record kept changing under the command; nothing was written, try again. */
  CONFLICT: 'the record changed concurrently',
  /** The event store cannot be reached; nothing was written. */
  UNAVAILABLE: 'the event store is unavailable',
  /** Anything unexpected; the details are in the server log, never in the response. */
  INTERNAL_SERVER_ERROR: 'an unexpected error',
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;
