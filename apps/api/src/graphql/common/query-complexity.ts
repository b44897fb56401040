import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type * as QueryComplexityModule from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

// The package's ESM build imports graphql's .mjs files, a second copy of graphql beside the CommonJS one
// Nest and Mercurius load ("Cannot use GraphQLObjectType from another realm"); its CommonJS build shares it.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexityModule;

/** The operation would cost more than the server allows; refused before anything runs. */
export class QueryTooComplexError extends Error {
  constructor(
    readonly complexity: number,
    readonly limit: number,
  ) {
    super(
      `The operation's estimated complexity is ${complexity}, above the limit of ${limit}: ask for fewer fields or smaller pages.`,
    );
    this.name = 'QueryTooComplexError';
  }
}

/**
 * graphql-js gives up validating a document whose fields or fragments would take too much work to
 * compare ("Validation aborted.", its own budget against quadratic documents): the client is told why.
 */
export function isValidationAborted(error: { message: string }): boolean {
  return error.message === 'Validation aborted.';
}

export const VALIDATION_ABORTED_MESSAGE =
  'The document repeats fields or fragments so often that validating it was stopped: ask for each field once.';

/**
 * A list that can grow is paged with `first`: its selection is paid once per item asked for, so a big
 * page of a nested connection costs what it will really cost to answer.
 */
const pagedFieldEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (!('first' in args) && !('last' in args)) return undefined;
  const requested = Number(args.first ?? args.last ?? GRAPHQL_LIMITS.assumedPageSize);
  const pageSize = Number.isFinite(requested) && requested > 0 ? requested : GRAPHQL_LIMITS.assumedPageSize;
  return 1 + childComplexity * pageSize;
};

/** The estimated cost of a parsed, validated document with its variables. */
export function estimateComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    estimators: [
      // `@Field({ complexity })` on a resolver wins; otherwise paging, otherwise 1 per field.
      fieldExtensionsEstimator(),
      pagedFieldEstimator,
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}

/**
 * Mercurius `preExecution` hook: the complexity check needs the variables (`first: $pageSize`), which a
 * static validation rule never sees and a per-request rule function would cost Mercurius its query cache.
 * The hook runs after parsing and validation (so the document is sound) and before any resolver.
 */
export function complexityLimitHook(limit: number = GRAPHQL_LIMITS.maxComplexity) {
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables?: Record<string, unknown>,
  ) => {
    let complexity: number;
    try {
      complexity = estimateComplexity(schema, document, variables);
    } catch (error) {
      // getComplexity re-validates variables; a coercion problem there was already reported by Mercurius.
      if (error instanceof GraphQLError) return;
      throw error;
    }
    if (complexity > limit) throw new QueryTooComplexError(complexity, limit);
  };
}
