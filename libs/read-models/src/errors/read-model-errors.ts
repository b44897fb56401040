/**
 * A query argument the read model cannot answer: a page size over the limit, a cursor it never issued,
 * a malformed country code or date. `argument` names it, so the API can point the client at it.
 */
export class InvalidQueryArgumentError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidQueryArgumentError';
  }
}

/** What was asked for is not in the read model (or was not yet, as of the time asked), nor in the log. */
export class ReadModelNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly what: 'record' | 'actor' | 'country' | 'checkpoint' | 'event',
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadModelNotFoundError';
  }
}
