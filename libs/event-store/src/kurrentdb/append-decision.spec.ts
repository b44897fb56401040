import { describe, expect, it } from '@jest/globals';
import { positionFromBigInts } from '../position.js';
import { decideAppend, type StoredEventIdentity } from './append-decision.js';

const stored = (...ids: string[]): StoredEventIdentity[] =>
  ids.map((id, index) => ({
    id,
    revision: BigInt(index),
    position: positionFromBigInts(BigInt(100 * index), 0n),
  }));
const originalResult = (lastRevision: number) => ({
  kind: 'already-written',
  result: {
    nextRevision: BigInt(lastRevision),
    position: positionFromBigInts(BigInt(100 * lastRevision), 0n),
  },
});

describe('append decision (the port idempotency rules)', () => {
  it('writes new ids, leaving the expected revision to the server', () => {
    expect(decideAppend([], ['a'], 'no_stream')).toEqual({ kind: 'write' });
    expect(decideAppend(stored('a'), ['b'], 'no_stream')).toEqual({ kind: 'write' });
    expect(decideAppend(stored('a', 'b'), ['c', 'd'], 7n)).toEqual({ kind: 'write' });
  });

  it('answers the original result for the same ids where the expected revision puts them', () => {
    expect(decideAppend(stored('a', 'b', 'c'), ['a', 'b'], 'no_stream')).toEqual(originalResult(1));
    expect(decideAppend(stored('a', 'b', 'c', 'd'), ['c', 'd'], 1n)).toEqual(originalResult(3));
    expect(decideAppend(stored('a', 'b', 'c', 'd'), ['b', 'c'], 'any')).toEqual(originalResult(2));
    expect(decideAppend(stored('a', 'b', 'c'), ['b'], 'exists')).toEqual(originalResult(1));
  });

  it('refuses ids held elsewhere when the expected revision holds (InvalidAppendError)', () => {
    expect(decideAppend(stored('a', 'b'), ['a'], 1n)).toEqual({ kind: 'ids-elsewhere', ids: ['a'] });
    expect(decideAppend(stored('a', 'b'), ['b', 'a'], 'any')).toEqual({
      kind: 'ids-elsewhere',
      ids: ['b', 'a'],
    });
    expect(decideAppend(stored('a', 'b'), ['new', 'b'], 'exists')).toEqual({
      kind: 'ids-elsewhere',
      ids: ['b'],
    });
  });

  it('reports the conflict when ids are held elsewhere and the expected revision is stale', () => {
    expect(decideAppend(stored('a', 'b'), ['b'], 'no_stream')).toEqual({
      kind: 'wrong-expected-revision',
      actual: '1',
    });
    expect(decideAppend(stored('a', 'b'), ['a', 'b', 'new'], 'no_stream')).toEqual({
      kind: 'wrong-expected-revision',
      actual: '1',
    });
    expect(decideAppend(stored('a', 'b', 'c'), ['a'], 0n)).toEqual({
      kind: 'wrong-expected-revision',
      actual: '2',
    });
  });

  it('matches on revisions, not on where events sit in what was read: a stream that starts past revision 0', () => {
    // Revisions 5..7 (the first five truncated): the same ids at 6..7 are the original write.
    const truncated = stored('x', 'y', 'z').map((event) => ({ ...event, revision: event.revision + 5n }));
    expect(decideAppend(truncated, ['y', 'z'], 5n)).toEqual({
      kind: 'already-written',
      result: { nextRevision: 7n, position: truncated[2]!.position },
    });
    expect(decideAppend(truncated, ['y'], 'any')).toEqual({
      kind: 'already-written',
      result: { nextRevision: 6n, position: truncated[1]!.position },
    });
    expect(decideAppend(truncated, ['new'], 7n)).toEqual({ kind: 'write' });
    expect(decideAppend(truncated, ['x'], 2n)).toEqual({ kind: 'wrong-expected-revision', actual: '7' });
    expect(decideAppend(truncated, ['x'], 7n)).toEqual({ kind: 'ids-elsewhere', ids: ['x'] });
  });
});
