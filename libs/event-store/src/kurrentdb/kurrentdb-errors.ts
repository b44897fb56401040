/**
 * Pure classification of what @kurrent/kurrentdb-client throws, and its translation into the port's errors.
 *
 * The client throws from two transports: grpc-js for appends and subscriptions (its CommandError classes,
 * or a bare grpc ServiceError with a numeric `code`), and a Rust core for reads (plain errors whose `name`
 * is the CommandError class name). Both are recognised by shape, not by class identity. The shapes a real
 * cluster produces, and the protocol double reproduces (its `injectFault`):
 * - a node starting, electing a leader or too busy refuses a BatchAppend with a status the client does not
 *   know: `UnknownError("Could not recognize Server Is Not Ready")` (or "… Too Busy");
 * - a read the server refuses as unavailable reaches JS from the Rust bridge as UnavailableError, or as
 *   UnknownError when the bridge does not recognise it;
 * - a follower asked for what the leader must do: NotLeaderError;
 * - a cluster connection string that finds no node: a plain `Error("Failed to discover after N attempts.")`;
 * - a commit that timed out (the server's Timeout detail) or a call past its deadline: DeadlineExceededError,
 *   TimeoutError, or our own operation timeout. For a write these say nothing of the outcome.
 */
import {
  InvalidAppendError,
  StoreUnavailableError,
  WriteOutcomeUnknownError,
  WrongExpectedRevisionError,
} from '../errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { actualRevisionLabel, expectedRevisionLabel } from './kurrentdb-mapping.js';

/** grpc status codes that mean "the server could not be reached, or is in no state to answer". */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** What a server that cannot take the call says, whatever the wrapping (status message, bridge text). */
const NOT_SERVING = /server is not ready|server is too busy|not ready|too busy|failed to discover/i;

interface ErrorShape {
  maxAppendSize?: unknown;
  name?: unknown;
  type?: unknown;
  code?: unknown;
  message?: unknown;
  actualState?: unknown;
}

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

/** Our own limit on a call (KurrentDbConnection's operation timeout) ran out before the client answered. */
export class OperationTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`KurrentDB did not answer within ${timeoutMs} ms`);
    this.name = 'OperationTimeoutError';
  }
}

export function isWrongExpectedVersion(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'wrong-expected-version' || name === 'WrongExpectedVersionError';
}

export function isStreamNotFound(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'stream-not-found' || name === 'StreamNotFoundError';
}

/** The stream was tombstoned (deleted for good) in KurrentDB, by an operator or another application. */
export function isStreamDeleted(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'stream-deleted' || name === 'StreamDeletedError';
}

/**
 * The server could not take the call: down or unreachable, a dropped connection, a node not ready or too
 * busy, a follower where the leader is needed, no node found. It refused before doing anything.
 */
export function isNotServing(error: unknown): boolean {
  const { type, name, code, message } = shape(error);
  if (type === 'unavailable' || type === 'cancelled' || type === 'not-leader') return true;
  if (name === 'UnavailableError' || name === 'CancelledError' || name === 'NotLeaderError') return true;
  if (code === GRPC_UNAVAILABLE || code === GRPC_CANCELLED) return true;
  return typeof message === 'string' && NOT_SERVING.test(message);
}

/** The call ran out of time: the server's commit timeout, the call's deadline, or our operation timeout. */
export function isTimeout(error: unknown): boolean {
  const { type, name, code } = shape(error);
  if (type === 'timeout' || type === 'deadline-exceeded') return true;
  if (name === 'TimeoutError' || name === 'DeadlineExceededError') return true;
  return code === GRPC_DEADLINE_EXCEEDED || error instanceof OperationTimeoutError;
}

/** The append was larger than the server's maximum append size: refused whole, nothing written. */
function isTooLarge(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'maximum-append-size-exceeded' || name === 'MaxAppendSizeExceededError';
}

/** The client could not make sense of the answer (the bridge's or the append's UnknownError). */
function isUnrecognized(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'unknown' || name === 'UnknownError';
}

/**
 * Whatever the client threw says the connection, not the request, is at fault: not serving, timed out, or
 * an answer it could not recognise. The client is replaced, and a read may be tried again on the new one.
 */
export function isConnectionFailure(error: unknown): boolean {
  return isNotServing(error) || isTimeout(error) || isUnrecognized(error);
}

export function errorMessage(error: unknown): string {
  const { message, name } = shape(error);
  if (typeof message === 'string' && message.length > 0) return message;
  return typeof name === 'string' ? name : String(error);
}

/**
 * The port's error for what an append threw: WrongExpectedRevisionError for the client's
 * WrongExpectedVersionError; StoreUnavailableError when the server did not take the call (nothing was
 * written); WriteOutcomeUnknownError when it took it and did not say how it ended (a timeout, an answer the
 * client could not recognise); anything else unchanged.
 */
export function appendError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (isWrongExpectedVersion(error)) {
    return new WrongExpectedRevisionError(
      stream,
      expectedRevisionLabel(expected),
      actualRevisionLabel(shape(error).actualState),
    );
  }
  if (isStreamDeleted(error)) {
    return new InvalidAppendError(
      `"${stream}" was deleted for good (tombstoned) in KurrentDB: nothing can be appended to it again; ` +
        'nothing was written.',
    );
  }
  if (isTooLarge(error)) {
    const max = shape(error).maxAppendSize;
    return new InvalidAppendError(
      `The append to "${stream}" is larger than KurrentDB takes in one append` +
        (typeof max === 'number' ? ` (at most ${max} bytes of data and metadata)` : '') +
        '; nothing was written.',
    );
  }
  if (isNotServing(error) || error instanceof StoreUnavailableError) {
    return new StoreUnavailableError(
      `KurrentDB could not take the append to "${stream}" (${errorMessage(error)}); nothing was written.`,
      { cause: error },
    );
  }
  if (isTimeout(error) || isUnrecognized(error)) {
    return new WriteOutcomeUnknownError(
      `KurrentDB did not confirm the append to "${stream}" (${errorMessage(error)}): it may have been written, ` +
        'whole, or not at all. Appending the same event ids again is safe: it writes nothing twice.',
      { cause: error },
    );
  }
  return error;
}

/** The port's error for what a read or a health check threw: any connection failure is UNAVAILABLE. */
export function readError(error: unknown, what: string): unknown {
  if (isConnectionFailure(error)) {
    return new StoreUnavailableError(`KurrentDB could not be reached to ${what} (${errorMessage(error)})`, {
      cause: error,
    });
  }
  return error;
}
