import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/** One failing input field: its path from the argument (`input.sources.0.url`) and why. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}

/** Flattens class-validator's nested errors into field paths a client can point at. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Every GraphQL input goes through class-validator. A failure becomes one GraphQL error with
 * `extensions.code = "BAD_USER_INPUT"` and the failing fields listed; the resolver never runs, so
 * nothing reaches the store.
 */
export function createInputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      const summary = fields.map((f) => `${f.field}: ${f.reasons.join('; ')}`).join(' | ');
      return new GraphQLError(`Invalid input. ${summary}`, {
        extensions: { code: 'BAD_USER_INPUT', fields },
      });
    },
  });
}
