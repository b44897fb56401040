import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type * as QueryComplexityModule from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

// The package's ESM build imports graphql's .mjs files, a second copy of graphql beside the CommonJS one
// Nest and Mercurius load ("Cannot use GraphQLObjectType from another realm"); its CommonJS build shares it.
const { fieldExtensionsEstimator, getComplexity } = createRequire(import.meta.url)(
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
  return 1 + listArgumentsCost(args) + childComplexity * pageSize;
};

/** Every other field: 1, plus its list arguments, plus what it selects. */
const fieldEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + listArgumentsCost(args) + childComplexity;

/**
 * A list argument (countries, kinds, ids), at any depth of an input object, costs one per item: each
 * item is a walk of an index or a lookup, so a long list is paid for as the work it causes.
 */
export function listArgumentsCost(value: unknown): number {
  if (Array.isArray(value))
    return value.length + value.reduce((sum: number, item) => sum + listArgumentsCost(item), 0);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).reduce((sum: number, item) => sum + listArgumentsCost(item), 0);
  }
  return 0;
}

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
      // `@Field({ complexity })` on a resolver wins; otherwise paging, otherwise 1 per field (list
      // arguments counted in both).
      fieldExtensionsEstimator(),
      pagedFieldEstimator,
      fieldEstimator,
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
