import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { comparePositions, InMemoryLog, type ProposedEvent } from './in-memory-log.js';

const proposed = (count: number): ProposedEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'Happened',
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify({ index })),
    customMetadata: new Uint8Array(),
  }));

describe("the protocol double's in-memory log (KurrentDB semantics)", () => {
  it('numbers revisions from 0 per stream and gives each event its own growing, non-consecutive position', () => {
    const log = new InMemoryLog();
    const first = log.append('a', { kind: 'no_stream' }, proposed(2));
    const second = log.append('b', { kind: 'any' }, proposed(1));
    expect(first).toMatchObject({ kind: 'success', currentRevision: 1n });
    expect(second).toMatchObject({ kind: 'success', currentRevision: 0n });

    const all = log.readAll('forwards', 'start', 10n);
    expect(all.map((event) => [event.stream, event.revision])).toEqual([
      ['a', 0n],
      ['a', 1n],
      ['b', 0n],
    ]);
    for (let index = 1; index < all.length; index++) {
      expect(comparePositions(all[index - 1].position, all[index].position)).toBeLessThan(0);
      expect(all[index].position.commit - all[index - 1].position.commit).toBeGreaterThan(1n);
      expect(all[index].position.prepare).toBe(all[index].position.commit);
    }
    expect(first.kind === 'success' && first.position).toEqual(all[1].position);
  });

  it('checks the expected state and writes nothing on a mismatch', () => {
    const log = new InMemoryLog();
    expect(log.append('a', { kind: 'stream_exists' }, proposed(1))).toEqual({
      kind: 'wrong_expected_version',
      current: 'no_stream',
      expected: { kind: 'stream_exists' },
    });
    log.append('a', { kind: 'no_stream' }, proposed(2));
    expect(log.append('a', { kind: 'revision', revision: 0n }, proposed(1))).toMatchObject({
      kind: 'wrong_expected_version',
      current: 1n,
    });
    expect(log.append('a', { kind: 'no_stream' }, proposed(1))).toMatchObject({
      kind: 'wrong_expected_version',
    });
    expect(log.size).toBe(2);
  });

  it('answers a re-append of the same ids at the same place with the original result, writing nothing', () => {
    const log = new InMemoryLog();
    const events = proposed(2);
    const original = log.append('a', { kind: 'no_stream' }, events);
    log.append('a', { kind: 'any' }, proposed(1));
    expect(log.append('a', { kind: 'no_stream' }, events)).toEqual({ ...original, idempotent: true });
    expect(log.append('a', { kind: 'any' }, events)).toEqual({ ...original, idempotent: true });
    expect(log.size).toBe(3);
  });

  it('reads streams both ways from a revision, and $all forwards inclusive, backwards exclusive', () => {
    const log = new InMemoryLog();
    log.append('a', { kind: 'any' }, proposed(5));
    const revisions = (events: { revision: bigint }[] | undefined | 'deleted') =>
      events === 'deleted' ? events : events?.map((event) => event.revision);
    expect(revisions(log.readStream('a', 'forwards', 3n, 10n))).toEqual([3n, 4n]);
    expect(revisions(log.readStream('a', 'backwards', 'end', 2n))).toEqual([4n, 3n]);
    expect(revisions(log.readStream('a', 'backwards', 9n, 10n))).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(log.readStream('missing', 'forwards', 'start', 10n)).toBeUndefined();

    const all = log.readAll('forwards', 'start', 10n);
    expect(log.readAll('forwards', all[2].position, 10n)[0]).toBe(all[2]);
    expect(log.readAll('backwards', all[2].position, 10n)).toEqual([all[1], all[0]]);
    expect(log.eventsAfter(all[2].position)).toEqual(all.slice(3));
  });

  it('for any and stream_exists, knows only recently written ids: an evicted one is written again', () => {
    const log = new InMemoryLog(undefined, 2);
    const old = proposed(1);
    log.append('a', { kind: 'any' }, old);
    log.append('a', { kind: 'any' }, proposed(2));
    // Pushed out of the cache of 2 by the later ids: the server no longer recognises the retry.
    expect(log.append('a', { kind: 'any' }, old)).toMatchObject({ kind: 'success', idempotent: false });
    expect(log.readStream('a', 'forwards', 'start', 10n)).toHaveLength(4);
    // An exact revision still finds it where it is.
    expect(log.append('a', { kind: 'revision', revision: -1n }, old)).toMatchObject({ idempotent: true });
  });

  it('refuses a retry that matches in part as a wrong expected version ("corrupted idempotency")', () => {
    const log = new InMemoryLog();
    const written = proposed(2);
    log.append('a', { kind: 'no_stream' }, written);
    const [first] = written;
    const partial = [first!, ...proposed(1)];
    expect(log.append('a', { kind: 'any' }, partial)).toMatchObject({ kind: 'wrong_expected_version' });
    expect(log.append('a', { kind: 'stream_exists' }, partial)).toMatchObject({
      kind: 'wrong_expected_version',
    });
    expect(log.append('a', { kind: 'no_stream' }, partial)).toMatchObject({ kind: 'wrong_expected_version' });
    expect(log.size).toBe(2);
  });

  it('tombstones a stream for good: reads answer deleted, appends are refused, and $all holds the tombstone', () => {
    const log = new InMemoryLog();
    log.append('a', { kind: 'any' }, proposed(2));
    expect(log.tombstone('a', { kind: 'revision', revision: 0n })).toMatchObject({
      kind: 'wrong_expected_version',
    });
    expect(log.tombstone('a', { kind: 'any' })).toMatchObject({ kind: 'success' });
    expect(log.readStream('a', 'forwards', 'start', 10n)).toBe('deleted');
    expect(log.append('a', { kind: 'any' }, proposed(1))).toEqual({ kind: 'stream_deleted' });
    expect(log.tombstone('a', { kind: 'any' })).toEqual({ kind: 'stream_deleted' });
    expect(log.readAll('backwards', 'end', 1n)[0]).toMatchObject({ stream: 'a', type: '$streamDeleted' });
  });

  it('soft-deletes a stream: not found until written again, then only what came after, revisions carrying on', () => {
    const log = new InMemoryLog();
    log.append('a', { kind: 'any' }, proposed(2));
    expect(log.softDelete('a', { kind: 'stream_exists' })).toMatchObject({ kind: 'success' });
    expect(log.readStream('a', 'forwards', 'start', 10n)).toBeUndefined();
    expect(log.readAll('backwards', 'end', 1n)[0]).toMatchObject({ stream: '$$a', type: '$metadata' });
    expect(log.append('a', { kind: 'stream_exists' }, proposed(1))).toEqual({ kind: 'stream_deleted' });
    expect(log.append('a', { kind: 'no_stream' }, proposed(1))).toMatchObject({
      kind: 'success',
      currentRevision: 2n,
    });
    const revisions = (log.readStream('a', 'forwards', 'start', 10n) as { revision: bigint }[]).map(
      (event) => event.revision,
    );
    expect(revisions).toEqual([2n]);
    expect(log.readStream('a', 'backwards', 'end', 10n)).toHaveLength(1);
  });

  it('tells listeners about each write as it happens', () => {
    const log = new InMemoryLog();
    const seen: number[] = [];
    const stop = log.onAppended((events) => seen.push(events.length));
    log.append('a', { kind: 'any' }, proposed(2));
    stop();
    log.append('a', { kind: 'any' }, proposed(1));
    expect(seen).toEqual([2]);
  });
});
