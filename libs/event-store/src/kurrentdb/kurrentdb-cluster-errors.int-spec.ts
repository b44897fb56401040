// What a KurrentDB cluster in trouble answers (a node not ready or too busy, a follower where the leader is
// needed, a commit that timed out), as the protocol double sends it over the wire to the real client: each
// becomes the port's StoreUnavailableError (nothing written) or WriteOutcomeUnknownError (maybe written,
// whole or not at all), never an internal error, and the store serves again once the node does.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { InvalidAppendError, StoreUnavailableError, WriteOutcomeUnknownError } from '../errors.js';
import { KurrentDbProtocolDouble, type DoubleFault } from '../testing/kurrentdb-double/index.js';
import { aStreamName, anEvent, rejectionOf, someEvents } from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

describe('KurrentDbEventStore against a cluster node in trouble (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    double = new KurrentDbProtocolDouble();
    await double.start();
    store = await KurrentDbEventStore.connect({
      connectionString: `${double.connectionString}&discoveryInterval=10`,
      operationTimeoutMs: 3000,
    });
  });

  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  const refusals: [string, DoubleFault][] = [
    ['not ready (starting, or in an election)', { kind: 'not-ready' }],
    ['too busy', { kind: 'too-busy' }],
    ['not the leader', { kind: 'not-leader' }],
    // Reads served, the append refused: the BatchAppend's own answers (UnknownError "Could not recognize
    // Server Is Not Ready", the stream's NotLeaderError) are what the adapter meets.
    ['not ready when the append comes', { kind: 'not-ready', appendsOnly: true }],
    ['too busy when the append comes', { kind: 'too-busy', appendsOnly: true }],
    ['following, whose reads work', { kind: 'not-leader', appendsOnly: true }],
  ];

  it.each(refusals)(
    'a node %s: appends and reads fail UNAVAILABLE, nothing is written, and all works once it serves again',
    async (_name, fault) => {
      const stream = aStreamName();
      const first = await store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });
      double.injectFault(fault);

      const append = await rejectionOf(
        store.append(stream, [anEvent()], { expectedRevision: first.nextRevision }),
      );
      expect(append).toBeInstanceOf(StoreUnavailableError);
      expect(append).toMatchObject({ code: 'UNAVAILABLE' });
      if ('appendsOnly' in fault && fault.appendsOnly) expect(await store.readStream(stream)).toHaveLength(2);
      else expect(await rejectionOf(store.readStream(stream))).toBeInstanceOf(StoreUnavailableError);
      expect(double.eventCount).toBe(2);

      double.injectFault(undefined);
      expect(await store.readStream(stream)).toHaveLength(2);
      const next = await store.append(stream, [anEvent()], { expectedRevision: first.nextRevision });
      expect(next.nextRevision).toBe(2n);
      expect(double.eventCount).toBe(3);
    },
  );

  it('a commit that timed out is OUTCOME_UNKNOWN, not UNAVAILABLE: nothing written here, and the same append then goes through once', async () => {
    const stream = aStreamName();
    const events = someEvents(2);
    double.injectFault({ kind: 'commit-timeout', landsAnyway: false });
    const error = await rejectionOf(store.append(stream, events, { expectedRevision: 'no_stream' }));
    expect(error).toBeInstanceOf(WriteOutcomeUnknownError);
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(double.eventCount).toBe(0);

    double.injectFault(undefined);
    const retried = await store.append(stream, events, { expectedRevision: 'no_stream' });
    expect(retried.nextRevision).toBe(1n);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('a commit that timed out but landed: OUTCOME_UNKNOWN, the events are whole, and retrying the same ids writes nothing twice', async () => {
    const stream = aStreamName();
    const events = someEvents(3);
    double.injectFault({ kind: 'commit-timeout', landsAnyway: true });
    expect(await rejectionOf(store.append(stream, events, { expectedRevision: 'no_stream' }))).toBeInstanceOf(
      WriteOutcomeUnknownError,
    );
    expect(double.eventCount).toBe(3);

    double.injectFault(undefined);
    const retried = await store.append(stream, events, { expectedRevision: 'no_stream' });
    expect(retried.nextRevision).toBe(2n);
    expect((await store.readStream(stream)).map((event) => event.id)).toEqual(
      events.map((event) => event.id),
    );
    expect(double.eventCount).toBe(3);
  });

  it.each([
    ['BatchAppend', true],
    ['Append', false],
  ])(
    'an append larger than the server takes (%s) is refused whole as an invalid append, nothing written',
    async (_call, batchAppend) => {
      await store.close();
      await double.stop();
      double = new KurrentDbProtocolDouble({ maxAppendSize: 2_000, batchAppend });
      await double.start();
      store = await KurrentDbEventStore.connect({
        connectionString: `${double.connectionString}&discoveryInterval=10`,
      });
      const stream = aStreamName();
      const big = Array.from({ length: 3 }, () => ({ ...anEvent(), data: { text: 'x'.repeat(900) } }));
      const error = await rejectionOf(store.append(stream, big));
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect((error as Error).message).toMatch(
        /larger than KurrentDB takes in one append \(at most 2000 bytes/,
      );
      expect(double.eventCount).toBe(0);
      // One that fits goes through.
      expect((await store.append(stream, big.slice(0, 1))).nextRevision).toBe(0n);
    },
  );
});
