import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import type { GraphqlAccess } from '../../auth/graphql-access.js';
import { aliasLimitRule } from './alias-limit.js';
import { documentNestingHook } from './document-nesting.js';
import { formatGraphQLErrors } from '../errors/error-formatter.js';
import { graphqlHttpRouteOptions } from './graphql-http.route-options.js';
import { GRAPHQL_LIMITS } from './graphql-limits.js';
import { complexityLimitHook } from './query-complexity.js';
import { limitSubscriptionsPerConnection, subscriptionSlotsOf } from './subscription-slots.js';
import { checkSubscriptionSource, validateSubscription } from '../validation/subscription-validation.js';

/**
 * The protocol half of the GraphQL module's options: access control, error mapping, limits,
 * GraphQL-over-HTTP fixes and subscriptions over graphql-ws. AppModule spreads it into the GraphQL module.
 */
export function graphqlProtocolOptions(access: GraphqlAccess): Partial<MercuriusDriverConfig> {
  return {
    context: access.context as never,
    // A caller who may not read is not told what the schema holds ("Did you mean ...?").
    errorFormatter: ((execution: Parameters<typeof formatGraphQLErrors>[0], context: object) =>
      formatGraphQLErrors(execution, context, {
        suggestions: access.mayRead(context),
      })) as unknown as MercuriusDriverConfig['errorFormatter'],
    // Document size first: the parser stops at the limit, before validation could cost anything.
    graphql: { parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens } },
    // A static list, so Mercurius keeps caching validated documents.
    validationRules: [aliasLimitRule()],
    queryDepth: GRAPHQL_LIMITS.maxDepth,
    hooks: {
      // Nesting before the parser recurses into it.
      preParsing: [documentNestingHook] as never,
      // Who may run it before what it costs; both before any resolver.
      preExecution: [access.authorizeExecution, complexityLimitHook()] as never,
      // A subscription's size and depth, answered with their codes (Mercurius would send its own error).
      preSubscriptionParsing: [checkSubscriptionSource] as never,
      // A subscription is validated first (graphql-js does not), then authorized like a query.
      preSubscriptionExecution: [validateSubscription, access.authorizeSubscription] as never,
    },
    // Each subscription takes one of its connection's slots once every hook has let it through.
    transformSchema: limitSubscriptionsPerConnection,
    additionalRouteOptions: graphqlHttpRouteOptions as never,
    // Mercurius speaks both graphql-ws protocols; `graphql-transport-ws` is the one the graphql-ws client uses.
    subscription: {
      keepAlive: 30_000,
      context: (async (socket: object, request: FastifyRequest) => ({
        ...(await access.subscriptionContext(socket, request)),
        subscriptionSlots: subscriptionSlotsOf(socket),
      })) as never,
      onConnect: access.onConnect as never,
    },
  };
}
