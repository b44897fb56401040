import { GraphQLError } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

/** The refusal, already in client shape: subscriptions are answered without the error formatter. */
export function documentTooLargeError(limit: number = GRAPHQL_LIMITS.maxTokens): GraphQLError {
  return new GraphQLError(
    `The document has more than ${limit} tokens, the limit: send fewer operations or fields at once, and put input values in variables.`,
    { extensions: { code: 'DOCUMENT_TOO_LARGE', limit } },
  );
}

/**
 * graphql-js's parser refuses a document over its `maxTokens` with "Syntax Error: Document contains
 * more that 5000 tokens. Parsing aborted." (sic); the limit it names, or undefined for any other error.
 */
export function parserTokenLimit(message: string): number | undefined {
  const match = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./.exec(message);
  return match ? Number(match[1]) : undefined;
}
