/** Base of every error the event store raises on purpose; `code` is stable and mapped by the API. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not where the caller expected it: someone else appended first. Nothing was written. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: string,
    /** The stream's current revision, or 'no_stream'. A string so it survives JSON. */
    readonly actual: string,
  ) {
    super(`Stream "${stream}" expected at ${expected}, but it is at ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The append was refused before anything was written: a bad stream name, type or payload. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The store cannot be reached (a remote store is down, or the local one is closed). Nothing was written. */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A write the store did not confirm: the call timed out, or the server answered in a way that says nothing
 * of it. It may have been written, whole, or not at all (never in part). Only an append with the same event
 * ids (for the API: the same idempotency key) is a safe retry; it then writes nothing twice.
 */
export class WriteOutcomeUnknownError extends EventStoreError {
  readonly code = 'OUTCOME_UNKNOWN';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriteOutcomeUnknownError';
  }
}
