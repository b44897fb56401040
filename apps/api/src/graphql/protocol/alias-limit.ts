import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { GraphQLError, type ValidationRule } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

/** The refusal, already in client shape: subscriptions are answered without the error formatter. */
export function tooManyAliasesError(limit: number, found: number | undefined): GraphQLError {
  const counted = found === undefined ? 'more aliases than' : `${found} aliases, above`;
  return new GraphQLError(
    `The operation uses ${counted} the limit of ${limit}: ask for fewer aliased fields in one operation.`,
    { extensions: { code: 'TOO_MANY_ALIASES', limit, ...(found === undefined ? {} : { aliases: found }) } },
  );
}

/**
 * A validation rule refusing an operation with more than `limit` aliases (GraphQL Armor's max-aliases,
 * which counts aliases through fragment spreads). The library's own error is a "Syntax Error" that
 * aborts validation; here its finding is reported as a validation error with its own code instead.
 */
export function aliasLimitRule(limit: number = GRAPHQL_LIMITS.maxAliases): ValidationRule {
  return maxAliasesRule({
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        // "Aliases limit of 20 exceeded, found 21." (exposeLimits, the library's default).
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(tooManyAliasesError(limit, found === undefined ? undefined : Number(found)));
      },
    ],
  }) as unknown as ValidationRule;
}
