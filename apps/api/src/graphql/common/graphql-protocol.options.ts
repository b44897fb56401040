import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { formatGraphQLErrors } from './error-formatter.js';
import { graphqlHttpRouteOptions } from './graphql-http.route-options.js';
import { GRAPHQL_LIMITS } from './graphql-limits.js';
import { complexityLimitHook } from './query-complexity.js';
import { validateSubscription } from './subscription-validation.js';

/**
 * The protocol half of the GraphQL module's options: error mapping, limits, GraphQL-over-HTTP fixes and
 * subscriptions over graphql-ws. AppModule spreads it into `GraphQLModule.forRoot`.
 */
export function graphqlProtocolOptions(): Partial<MercuriusDriverConfig> {
  return {
    errorFormatter: formatGraphQLErrors as unknown as MercuriusDriverConfig['errorFormatter'],
    queryDepth: GRAPHQL_LIMITS.maxDepth,
    hooks: {
      preExecution: complexityLimitHook() as never,
      preSubscriptionExecution: validateSubscription as never,
    },
    additionalRouteOptions: graphqlHttpRouteOptions as never,
    // Mercurius speaks both graphql-ws protocols; `graphql-transport-ws` is the one the graphql-ws client uses.
    subscription: { keepAlive: 30_000 },
  };
}
