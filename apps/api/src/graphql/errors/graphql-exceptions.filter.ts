import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { subscriptionClientError } from './subscription-errors.js';

/**
 * Hands every error raised in a resolver to GraphQL untouched, where the error formatter maps it (and
 * logs the unexpected ones). Without it Nest logs each refused command (a domain rule, a bad input) as
 * an application error. HTTP routes keep Nest's default handling.
 *
 * The error is rethrown, not returned: graphql-js takes either from a field resolver, but a subscription
 * with a `filter` runs inside Mercurius's `withFilter`, which iterates whatever the resolver gives back:
 * a returned error became a TypeError ("[Symbol.asyncIterator] is not a function") instead of the
 * refusal (a BAD_USER_INPUT filter argument) the client should get.
 *
 * A subscription's errors never reach the error formatter (Mercurius sends them as they are), so they are
 * put in client shape here: codes as everywhere else, and no internal message ever leaves.
 */
@Catch()
export class GraphqlExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') {
      const info = GqlArgumentsHost.create(host).getInfo<GraphQLResolveInfo | undefined>();
      if (info?.operation.operation === 'subscription') throw subscriptionClientError(exception);
      throw exception;
    }
    return super.catch(exception, host);
  }
}
