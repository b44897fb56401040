/**
 * Pure classification of what @kurrent/kurrentdb-client throws, and its translation into the port's errors.
 *
 * The client throws from two transports: grpc-js for appends and subscriptions (its CommandError classes,
 * or a bare grpc ServiceError with a numeric `code`), and a Rust core for reads (plain errors whose `name`
 * is the CommandError class name). Both are recognised by shape, not by class identity.
 */
import { StoreUnavailableError, WrongExpectedRevisionError } from '../errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { actualRevisionLabel, expectedRevisionLabel } from './kurrentdb-mapping.js';

/** grpc status codes that mean "the server could not be reached or did not answer". */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

interface ErrorShape {
  name?: unknown;
  type?: unknown;
  code?: unknown;
  message?: unknown;
  actualState?: unknown;
}

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

export function isWrongExpectedVersion(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'wrong-expected-version' || name === 'WrongExpectedVersionError';
}

export function isStreamNotFound(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'stream-not-found' || name === 'StreamNotFoundError';
}

/**
 * The server is down, unreachable, or went away during the call: unavailable, a deadline that passed, a
 * call the server side cancelled (a dropped connection). The caller may retry later.
 */
export function isConnectionFailure(error: unknown): boolean {
  const { type, name, code } = shape(error);
  if (type === 'unavailable' || type === 'deadline-exceeded' || type === 'cancelled') return true;
  if (name === 'UnavailableError' || name === 'DeadlineExceededError' || name === 'CancelledError')
    return true;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || code === GRPC_CANCELLED;
}

export function errorMessage(error: unknown): string {
  const { message, name } = shape(error);
  if (typeof message === 'string' && message.length > 0) return message;
  return typeof name === 'string' ? name : String(error);
}

/**
 * The port's error for what an append threw: WrongExpectedRevisionError for the client's
 * WrongExpectedVersionError, StoreUnavailableError for a connection failure, anything else unchanged.
 */
export function appendError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (isWrongExpectedVersion(error)) {
    return new WrongExpectedRevisionError(
      stream,
      expectedRevisionLabel(expected),
      actualRevisionLabel(shape(error).actualState),
    );
  }
  if (isConnectionFailure(error) || error instanceof StoreUnavailableError) {
    return new StoreUnavailableError(
      `KurrentDB could not be reached to append to "${stream}" (${errorMessage(error)}). If the call had reached ` +
        'the server it was written whole or not at all; retrying with the same event ids is safe.',
      { cause: error },
    );
  }
  return error;
}

/** The port's error for what a read or a health check threw. */
export function readError(error: unknown, what: string): unknown {
  if (isConnectionFailure(error)) {
    return new StoreUnavailableError(`KurrentDB could not be reached to ${what} (${errorMessage(error)})`, {
      cause: error,
    });
  }
  return error;
}
