import { describe, expect, it } from '@jest/globals';
import { DatabaseSync } from 'node:sqlite';
import { InvalidAppendError, StoreUnavailableError } from '../errors.js';
import { isSqliteError, messageOf, toEventStoreError } from './sqlite-errors.js';

/** What node:sqlite really throws: a statement on a table that does not exist. */
function realSqliteError(): unknown {
  const db = new DatabaseSync(':memory:');
  try {
    db.exec('SELECT * FROM no_such_table');
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error('expected node:sqlite to throw');
}

describe('SQLite errors', () => {
  it("recognises node:sqlite's errors by their code, whatever realm they come from", () => {
    expect(isSqliteError(realSqliteError())).toBe(true);
    expect(isSqliteError({ code: 'ERR_SQLITE_ERROR' })).toBe(true);
    for (const other of [new Error('x'), { code: 'ENOENT' }, null, undefined, 'ERR_SQLITE_ERROR', 5]) {
      expect(isSqliteError(other)).toBe(false);
    }
  });

  it('turns a SQLite failure into StoreUnavailableError that says what it was doing and keeps the cause', () => {
    const cause = realSqliteError();
    const mapped = toEventStoreError(cause, 'append to "s"');
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(mapped).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'The SQLite event store could not append to "s": no such table: no_such_table',
      cause,
    });
  });

  it('lets our own errors and anything else through unchanged', () => {
    const ours = new InvalidAppendError('bad');
    expect(toEventStoreError(ours, 'append')).toBe(ours);
    const bug = new TypeError('a bug');
    expect(toEventStoreError(bug, 'append')).toBe(bug);
  });

  it('reads the message of anything thrown', () => {
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf({ message: 'from an object' })).toBe('from an object');
    expect(messageOf({ message: 42 })).toBe('[object Object]');
    expect(messageOf('text')).toBe('text');
    expect(messageOf(null)).toBe('null');
    expect(messageOf(undefined)).toBe('undefined');
  });
});
