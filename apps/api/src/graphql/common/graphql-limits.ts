/**
 * How much one GraphQL operation may ask for. Both limits refuse the operation before it runs, with a
 * message that names the limit and a stable code (QUERY_TOO_DEEP, QUERY_TOO_COMPLEX).
 */
export const GRAPHQL_LIMITS = {
  /**
   * Deepest selection allowed (Mercurius `queryDepth`). The deepest honest question, a country's
   * commitments with their evidence records and those records' sources, is about 8 levels.
   * @defaultValue 12
   */
  maxDepth: 12,
  /**
   * Highest estimated cost allowed: every field costs 1, and a field with a `first` argument multiplies
   * its selection by the page size it asks for. A page of 100 records with 40 fields each costs ~4,100.
   * @defaultValue 10000
   */
  maxComplexity: 10_000,
  /**
   * Page size assumed for a connection whose `first` is not given: the read side's default page.
   * @defaultValue 20
   */
  assumedPageSize: 20,
} as const;
