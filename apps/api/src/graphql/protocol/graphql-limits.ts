/**
 * How much one GraphQL document, operation or connection may ask for. Each limit refuses before anything
 * runs, with a message that names the limit and a stable code (README, "Limits").
 */
export const GRAPHQL_LIMITS = {
  /**
   * Deepest selection allowed (Mercurius `queryDepth`); QUERY_TOO_DEEP. The deepest honest question, a
   * country's commitments with their evidence records and those records' sources, is about 8 levels.
   * @defaultValue 12
   */
  maxDepth: 12,
  /**
   * Highest estimated cost allowed; QUERY_TOO_COMPLEX. Every field costs 1, and a field with a `first`
   * argument multiplies its selection by the page size it asks for. A page of 100 records with 40 fields
   * each costs ~4,100.
   * @defaultValue 10000
   */
  maxComplexity: 10_000,
  /**
   * Page size assumed for a connection whose `first` is not given: the read side's default page.
   * @defaultValue 20
   */
  assumedPageSize: 20,
  /**
   * Most aliases in one operation (fragments counted where they are spread); TOO_MANY_ALIASES. Aliases
   * let one operation ask the same field many times with different arguments, each a read of its own,
   * which the complexity estimate prices at almost nothing. Asking for every country of the region side
   * by side takes about a dozen. `__typename` aliases are free.
   * @defaultValue 20
   */
  maxAliases: 20,
  /**
   * Most lexical tokens (names, punctuation, values) in one document, whatever it holds: many
   * operations, many root fields, a long list literal; DOCUMENT_TOO_LARGE. The parser stops counting at
   * the limit, so an oversized document costs next to nothing, while validating a 1 MiB document (the
   * body limit) would hold a core for about a second. Selecting every field of every record kind takes
   * under 500 tokens; input values belong in variables, which are not tokens.
   * @defaultValue 5000
   */
  maxTokens: 5000,
  /**
   * Deepest nesting of `{`, `[` and `(` in a document, checked before parsing: graphql-js's parser
   * recurses, and a few thousand levels (well under the token limit) would overflow its stack. The
   * deepest honest document, `maxDepth` selections with a nested input value, is about 20 levels.
   * @defaultValue 64
   */
  maxNesting: 64,
  /**
   * Most subscriptions running at once on one graphql-ws connection; the one above is refused with
   * TOO_MANY_SUBSCRIPTIONS, and a subscription that ends (completed by the client, or failed) frees its
   * place.
   * @defaultValue 20
   */
  maxSubscriptionsPerConnection: 20,
} as const;
