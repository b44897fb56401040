import { EventStoreError, StoreUnavailableError } from '../errors.js';

/** What node:sqlite throws: `errcode` is SQLite's (extended) result code, e.g. 5 for SQLITE_BUSY. */
export interface SqliteError extends Error {
  code: 'ERR_SQLITE_ERROR';
  errcode: number;
  errstr: string;
}

// Not `instanceof Error`: node:sqlite's errors come from Node's own realm, which is not the caller's
// under vm contexts (Jest's ESM runner among them).
export function isSqliteError(error: unknown): error is SqliteError {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR'
  );
}

export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Our own errors pass through; a SQLite failure (locked past the busy timeout, disk full, I/O error)
 * becomes StoreUnavailableError, after the transaction was rolled back so nothing was written.
 * Anything else is a bug and keeps its own type.
 */
export function toEventStoreError(error: unknown, doing: string): unknown {
  if (error instanceof EventStoreError || !isSqliteError(error)) return error;
  return new StoreUnavailableError(`The SQLite event store could not ${doing}: ${error.message}`, {
    cause: error,
  });
}
