/** Another writer kept changing the record while this command retried; nothing of it was written. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(
    readonly recordId: string,
    readonly attempts: number,
  ) {
    super(`Record ${recordId} changed concurrently ${attempts} times in a row; try again`);
    this.name = 'ConcurrencyConflictError';
  }
}

/**
 * An idempotency key already used for another request (another mutation, or the same one with other
 * values): a replay must be the very same request. Nothing was written.
 */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly idempotencyKey: string) {
    super(
      `The idempotency key "${idempotencyKey}" was already used for a different request: use a new key for a new request.`,
    );
    this.name = 'IdempotencyKeyReusedError';
  }
}
