import { describe, expect, it } from '@jest/globals';
import {
  CancelledError,
  DeadlineExceededError,
  StreamNotFoundError,
  TimeoutError,
  UnknownError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { StoreUnavailableError, WriteOutcomeUnknownError, WrongExpectedRevisionError } from '../errors.js';
import {
  appendError,
  isConnectionFailure,
  isNotServing,
  isStreamNotFound,
  OperationTimeoutError,
  isWrongExpectedVersion,
  readError,
} from './kurrentdb-errors.js';

/** What the client's Rust core throws: a plain Error named after the client's error class. */
function bridgeError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

/** What grpc-js hands the client on a call that found no server, unconverted (observed on BatchAppend). */
function grpcError(code: number): Error {
  return Object.assign(new Error(`${code} UNAVAILABLE: No connection established`), {
    code,
    details: '',
    metadata: {},
  });
}

describe('error mapping', () => {
  it("turns the client's WrongExpectedVersionError into ours, with the port's words and string revisions", () => {
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: 'tenant/commitment-1',
      expected: 'stream_exists',
      current: 4n,
    });
    expect(isWrongExpectedVersion(conflict)).toBe(true);

    const mapped = appendError(conflict, 'commitment-1', 'exists');
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 'commitment-1', expected: 'exists', actual: '4' });

    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 's',
      expected: 3n,
      current: 'no_stream',
    });
    expect(appendError(missing, 's', 3n)).toMatchObject({ expected: '3', actual: 'no_stream' });
  });

  it('recognises a server that cannot be reached, whichever transport reports it', () => {
    for (const error of [
      new UnavailableError(),
      new DeadlineExceededError(),
      new CancelledError(),
      bridgeError('UnavailableError'),
      bridgeError('DeadlineExceededError'),
      grpcError(14),
      grpcError(4),
      grpcError(1),
    ]) {
      expect(isConnectionFailure(error)).toBe(true);
    }
    for (const error of [
      new Error('boom'),
      grpcError(3),
      bridgeError('AccessDeniedError'),
      undefined,
      'text',
    ]) {
      expect(isConnectionFailure(error)).toBe(false);
    }
  });

  it('turns connection failures into StoreUnavailableError (code UNAVAILABLE) that keeps the cause', () => {
    const cause = grpcError(14);
    const appending = appendError(cause, 'commitment-1', 'any');
    expect(appending).toBeInstanceOf(StoreUnavailableError);
    expect(appending).toMatchObject({ code: 'UNAVAILABLE', cause });
    expect((appending as Error).message).toContain('nothing was written');

    const reading = readError(bridgeError('UnavailableError'), 'read $all');
    expect(reading).toBeInstanceOf(StoreUnavailableError);
    expect((reading as Error).message).toContain('read $all');
  });

  it('takes what a cluster in trouble says as UNAVAILABLE: not ready, too busy, not the leader, no node found', () => {
    for (const error of [
      new UnknownError(undefined, 'Could not recognize Server Is Not Ready'),
      new UnknownError(undefined, 'Could not recognize Server Is Too Busy'),
      Object.assign(new Error('Leader info available'), { type: 'not-leader' }),
      bridgeError('NotLeaderError'),
      new Error('Failed to discover after 10 attempts.'),
    ]) {
      expect(isNotServing(error)).toBe(true);
      expect(appendError(error, 'commitment-1', 1n)).toBeInstanceOf(StoreUnavailableError);
      expect(readError(error, 'read $all')).toBeInstanceOf(StoreUnavailableError);
    }
  });

  it('says a write the server did not confirm is OUTCOME_UNKNOWN, safe to retry with the same ids', () => {
    for (const error of [
      new DeadlineExceededError(),
      new TimeoutError(undefined),
      grpcError(4),
      new OperationTimeoutError(10000),
      new UnknownError(undefined, 'Could not recognize Something Else'),
      bridgeError('UnknownError'),
    ]) {
      const mapped = appendError(error, 'commitment-1', 2n);
      expect(mapped).toBeInstanceOf(WriteOutcomeUnknownError);
      expect(mapped).toMatchObject({ code: 'OUTCOME_UNKNOWN', cause: error });
      expect((mapped as Error).message).toMatch(/may have been written.*same event ids again is safe/);
      // A read that timed out changed nothing: it is simply unavailable.
      expect(readError(error, 'read $all')).toBeInstanceOf(StoreUnavailableError);
    }
  });

  it('leaves other errors as they are', () => {
    const other = new Error('boom');
    expect(appendError(other, 's', 'any')).toBe(other);
    expect(readError(other, 'read $all')).toBe(other);
  });

  it('recognises a missing stream from either transport', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'gone'))).toBe(true);
    expect(isStreamNotFound(bridgeError('StreamNotFoundError'))).toBe(true);
    expect(isStreamNotFound(new Error('gone'))).toBe(false);
  });
});
