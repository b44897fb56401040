import { GraphQLError, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Mercurius `preSubscriptionExecution` hook. graphql-js's `subscribe` does not validate, and Mercurius
 * runs only its depth limit on subscriptions: validate them as queries are, so a bad subscription is
 * refused with GRAPHQL_VALIDATION_FAILED before it starts.
 */
export function validateSubscription(schema: GraphQLSchema, document: DocumentNode): void {
  const errors = validate(schema, document, specifiedRules);
  if (errors.length > 0) {
    throw new GraphQLError(errors.map((error) => error.message).join(' '), {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  }
}
