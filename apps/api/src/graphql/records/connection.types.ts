import type { Type } from '@nestjs/common';
import { Args, Field, Int, ObjectType } from '@nestjs/graphql';
import {
  DEFAULT_PAGE_SIZE,
  mapConnection,
  MAX_PAGE_SIZE,
  type Connection as ReadConnection,
} from '@tracker/read-models';

@ObjectType({ description: 'Where a page ends (Relay cursor connections; forward paging).' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ description: 'Always false: pages go forward, with `after`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

/**
 * `first` of every list that can grow. Scalars, so the global class-validator pipe leaves them alone: the
 * read model checks the page size itself (BAD_USER_INPUT on `first` above MAX_PAGE_SIZE).
 */
export const First = () =>
  Args('first', {
    type: () => Int,
    nullable: true,
    description: `Page size, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE} (more is refused with BAD_USER_INPUT).`,
  });

/** `after` of every list that can grow: an endCursor of the previous page. */
export const After = () =>
  Args('after', { type: () => String, nullable: true, description: 'An endCursor from the previous page.' });

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The Edge and Connection object types of one node type, named `<name>Edge` and `<name>Connection`.
 * Declare the connection class from it: `@ObjectType() class RecordConnection extends Connection(...)`.
 */
export function Connection<T>(
  node: Type<T> | (abstract new () => T),
  name: string,
): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque; pass as `after` to continue after this item.' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Items matching, over every page.' })
    totalCount: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** A read-model page as a GraphQL connection value, each node mapped to its GraphQL value. */
export function pageOf<T, U>(page: ReadConnection<T>, map: (node: T) => U): ConnectionShape<U> {
  // totalCount stays lazy: counted only when the client selects it.
  return mapConnection(page, map) as ConnectionShape<U>;
}
