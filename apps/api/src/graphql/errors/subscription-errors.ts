import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { toClientError } from './client-error.js';

const logger = new Logger('GraphQL');

/**
 * An error as the client must see it, for the one path Mercurius sends without the error formatter:
 * everything on a graphql-ws subscription (its hooks, its resolvers). Same mapping as the formatter, and
 * the same rule: an unexpected cause is logged in full here and answered with the generic message.
 */
export function subscriptionClientError(error: unknown): GraphQLError {
  // Raised in client shape already (the validation pipe's BAD_USER_INPUT, a limit's refusal).
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return error;
  const client = toClientError(error instanceof Error ? error : new Error(String(error)));
  if (client.internal !== undefined) {
    const cause = client.internal as Error;
    logger.error(`GraphQL subscription failed: ${cause.message}`, cause.stack);
  }
  return new GraphQLError(client.body.message, { extensions: client.body.extensions });
}
