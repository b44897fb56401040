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

/** A query for a record or country that the read model does not hold. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
