import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands every error raised in a resolver to GraphQL untouched, where the error formatter maps it (and
 * logs the unexpected ones). Without it Nest logs each refused command (a domain rule, a bad input) as
 * an application error. HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphqlExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
