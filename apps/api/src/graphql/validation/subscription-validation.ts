import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { createRequire } from 'node:module';
import { aliasLimitRule } from '../protocol/alias-limit.js';
import { checkDocumentNesting, DocumentTooDeepError } from '../protocol/document-nesting.js';
import { documentTooLargeError, parserTokenLimit } from '../protocol/document-size.js';
import { GRAPHQL_LIMITS } from '../protocol/graphql-limits.js';
import { subscriptionClientError } from '../errors/subscription-errors.js';
import { isValidationAborted, VALIDATION_ABORTED_MESSAGE } from '../protocol/query-complexity.js';

// The depth Mercurius measures on HTTP, measured the same way here (it has no public export).
const mercuriusQueryDepth = createRequire(import.meta.url)('mercurius/lib/queryDepth.js') as (
  definitions: readonly DefinitionNode[],
  limit: number,
) => Error[];

/**
 * A subscription's document, parsed, once its size, nesting and depth are within the limits queries are
 * held to (the same checks, the same codes); refusals are thrown in client shape.
 */
export function checkSubscriptionSource(source: string): DocumentNode {
  let document: DocumentNode;
  try {
    checkDocumentNesting(source);
    document = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch (error) {
    if (parserTokenLimit((error as Error).message) !== undefined) throw documentTooLargeError();
    if (error instanceof DocumentTooDeepError) throw subscriptionClientError(error);
    throw error;
  }
  const [tooDeep] = mercuriusQueryDepth(document.definitions, GRAPHQL_LIMITS.maxDepth);
  if (tooDeep) throw subscriptionClientError(tooDeep);
  return document;
}

/**
 * graphql-js's `subscribe` does not validate: a subscription is validated as queries are (aliases
 * included), so a bad one is refused with its code before it starts. The errors are thrown in client shape.
 */
export function validateSubscription(schema: GraphQLSchema, document: DocumentNode): void {
  // Mercurius takes a ready-made AST (a JSON object as "query") as it is: unparsed, so unmeasured.
  // HTTP refuses that too (graphql-http.route-options).
  if (document.loc === undefined) {
    throw new GraphQLError('The subscription\'s "query" must be a string: a GraphQL document.', {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  const errors = validate(schema, document, [...specifiedRules, aliasLimitRule()]);
  const limit = errors.find((error) => error.extensions.code !== undefined);
  if (limit) throw limit;
  if (errors.some(isValidationAborted)) {
    throw new GraphQLError(VALIDATION_ABORTED_MESSAGE, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
  }
  if (errors.length > 0) {
    throw new GraphQLError(errors.map((error) => error.message).join(' '), {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  }
}
