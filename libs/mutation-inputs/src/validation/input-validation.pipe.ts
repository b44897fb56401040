import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/** One failing input field: its path inside the argument (`sources[0].url`, as domain errors say) and why. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}

/** `sources` + `0` → `sources[0]`; `sources[0]` + `url` → `sources[0].url`. */
function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's nested errors into field paths a client can point at. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The BAD_USER_INPUT error every refused input becomes, whichever check refused it. */
export function badUserInput(fields: FieldProblem[]): GraphQLError {
  const summary = fields.map((f) => `${f.field}: ${f.reasons.join('; ')}`).join(' | ');
  return new GraphQLError(`Invalid input. ${summary}`, {
    extensions: { code: 'BAD_USER_INPUT', fields },
  });
}

/**
 * Every GraphQL input goes through class-validator. A failure becomes one GraphQL error with
 * `extensions.code = "BAD_USER_INPUT"` and the failing fields listed; the resolver never runs, so
 * nothing reaches the store. Registered globally (APP_PIPE), so it runs for every resolver argument whose
 * type is a class; scalars and lists of scalars pass through untouched.
 */
export function createInputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badUserInput(fieldProblems(errors)),
  });
}
