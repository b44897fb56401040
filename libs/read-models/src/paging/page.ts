import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';

/** Page size when the client gives none. */
export const DEFAULT_PAGE_SIZE = 20;
/**
 * The most items one page may hold. Larger `first` values are refused (BAD_USER_INPUT on `first`)
 * rather than silently capped, so a client never mistakes a capped page for the whole list.
 */
export const MAX_PAGE_SIZE = 100;

/** Relay-style forward paging: `first` items after the opaque cursor `after`. */
export interface PageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  /** Always false: paging is forward only, as Relay allows. */
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Connection<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: PageInfo;
  /** Items matching the filter, over every page. */
  readonly totalCount: number;
}

/** A sort key: the values a list is ordered by, ending with a unique one. */
export type SortKey = readonly (string | number)[];

/** The validated size of the page asked for. */
export function pageSize(request: PageRequest): number {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidQueryArgumentError(
      'first',
      `first must be a whole number from 0 to ${MAX_PAGE_SIZE} (the maximum page size), not ${first}`,
    );
  }
  return first;
}

/** Opaque to clients: base64url of the sort key, so it can change shape without breaking anyone. */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key of a cursor this list issued; anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): SortKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const fits =
    Array.isArray(key) && key.length === shape.length && key.every((value, i) => typeof value === shape[i]);
  if (!fits) {
    throw new InvalidQueryArgumentError(
      'after',
      'after is not a cursor of this list; pass an endCursor it returned',
    );
  }
  return key as SortKey;
}

/**
 * A page from the `limit + 1` rows read after the cursor: the extra row only says there is more.
 * `totalCount` may be a function: it then runs the first time totalCount is read, so a count over many
 * rows costs nothing unless a client asks for it.
 */
export function toConnection<T>(
  rows: readonly T[],
  limit: number,
  totalCount: number | (() => number),
  keyOf: (row: T) => SortKey,
): Connection<T> {
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return withTotal(
    {
      edges,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    },
    totalCount,
  );
}

/** The same page over a connection's nodes, mapped (e.g. to transport types); totalCount stays lazy. */
export function mapConnection<T, U>(connection: Connection<T>, map: (node: T) => U): Connection<U> {
  return withTotal(
    {
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
      pageInfo: connection.pageInfo,
    },
    () => connection.totalCount,
  );
}

/** `page` with a totalCount computed on first read (and kept). */
export function withTotal<P extends object>(
  page: P,
  totalCount: number | (() => number),
): P & { readonly totalCount: number } {
  let value = typeof totalCount === 'number' ? totalCount : undefined;
  return Object.defineProperty(page, 'totalCount', {
    enumerable: true,
    get: () => (value ??= (totalCount as () => number)()),
  }) as P & { readonly totalCount: number };
}
