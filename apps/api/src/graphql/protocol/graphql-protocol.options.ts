import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { GraphqlAccess } from '../../auth/graphql-access.js';
import { aliasLimitRule } from './alias-limit.js';
import { documentNestingHook } from './document-nesting.js';
import { formatGraphQLErrors } from '../errors/error-formatter.js';
import { graphqlHttpRouteOptions } from './graphql-http.route-options.js';
import { GRAPHQL_LIMITS } from './graphql-limits.js';
import { complexityLimitHook } from './query-complexity.js';

/**
 * The protocol half of the GraphQL module's options: access control, error mapping, limits,
 * GraphQL-over-HTTP fixes. AppModule spreads it into the GraphQL module.
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
    },
    additionalRouteOptions: graphqlHttpRouteOptions as never,
    // Subscriptions are served by graphql-ws on this route's WebSocket (GraphqlWsEndpoint), not by Mercurius.
    subscription: false,
  };
}
