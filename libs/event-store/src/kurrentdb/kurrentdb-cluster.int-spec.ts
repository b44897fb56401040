// A three-node cluster (KurrentDbClusterDouble: protocol doubles sharing one log, with gossip and
// followers that answer NotLeader) reached through a cluster connection string, as production reaches
// one: the client discovers the leader by gossip, writes go to it, and when the leader changes or dies
// the store refuses at most what it cannot place (UNAVAILABLE, nothing written) and then serves from the
// new leader, its subscription to $all resuming where it was, nothing lost and nothing twice.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { AllSubscription } from '../event-store.port.js';
import type { RecordedEvent } from '../event.js';
import { StoreUnavailableError } from '../errors.js';
import { KurrentDbClusterDouble } from '../testing/kurrentdb-double/index.js';
import { aStreamName, anEvent, someEvents } from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const quiet = { warn: () => undefined, info: () => undefined };
const APPENDS = /Streams\/(Batch)?Append$/;

/** Appends, retrying while the cluster has no leader the client can reach yet (as the API's caller would). */
async function appendThroughFailover(
  store: KurrentDbEventStore,
  stream: string,
  events = [anEvent()],
): Promise<{ refusedFirst: number }> {
  let refusedFirst = 0;
  for (;;) {
    try {
      await store.append(stream, events, { expectedRevision: 'any' });
      return { refusedFirst };
    } catch (error) {
      // Only UNAVAILABLE is acceptable: nothing was written, so trying again is safe.
      expect(error).toBeInstanceOf(StoreUnavailableError);
      if (++refusedFirst > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Collects what a subscription hands on, and resolves once it holds `count` events. */
function collect(subscription: AllSubscription) {
  const seen: RecordedEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  void (async () => {
    for await (const event of subscription) {
      seen.push(event);
      for (const waiter of waiters.filter((w) => seen.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  })();
  return {
    seen,
    reach: (count: number) =>
      new Promise<void>((resolve) => {
        if (seen.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
  };
}

describe('KurrentDbEventStore against a three-node cluster (cluster double, gossip discovery)', () => {
  let cluster: KurrentDbClusterDouble;
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    cluster = new KurrentDbClusterDouble(3);
    await cluster.start();
    store = await KurrentDbEventStore.connect({
      connectionString: `${cluster.connectionString}&discoveryInterval=10&maxDiscoverAttempts=50`,
      operationTimeoutMs: 5000,
      logger: quiet,
    });
  });

  afterEach(async () => {
    await store.close();
    await cluster.stop();
  });

  it('discovers the leader by gossip and writes only to it', async () => {
    const stream = aStreamName();
    await store.append(stream, someEvents(3), { expectedRevision: 'no_stream' });
    expect(await store.readStream(stream)).toHaveLength(3);
    const askedGossip = [0, 1, 2].filter((index) =>
      cluster.node(index).calls.some((call) => call.path === '/event_store.client.gossip.Gossip/Read'),
    );
    expect(askedGossip.length).toBeGreaterThan(0);
    expect(cluster.node(0).calls.some((call) => APPENDS.test(call.path))).toBe(true);
    for (const follower of [1, 2]) {
      expect(cluster.node(follower).calls.filter((call) => APPENDS.test(call.path))).toEqual([]);
    }
  });

  it('follows a leader change: refused at most while it moves, then written to the new leader, once', async () => {
    const stream = aStreamName();
    await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
    cluster.electLeader(2);
    await appendThroughFailover(store, stream);
    await appendThroughFailover(store, stream);
    expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
    expect(cluster.eventCount).toBe(3);
    expect(cluster.node(2).calls.some((call) => APPENDS.test(call.path))).toBe(true);
  });

  it('survives the leader being killed: writes resume on the new leader, and $all is followed without a gap or a repeat', async () => {
    const subscription = store.subscribeToAll();
    const followed = collect(subscription);
    const stream = aStreamName();
    await store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });
    await followed.reach(2);

    await cluster.stopNode(0);
    cluster.electLeader(1);
    for (let i = 0; i < 3; i++) await appendThroughFailover(store, stream);
    await followed.reach(5);
    expect(followed.seen.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(new Set(followed.seen.map((event) => event.id)).size).toBe(5);

    // The old leader comes back as a follower; the cluster keeps serving from the new one.
    await cluster.restartNode(0);
    await appendThroughFailover(store, stream);
    await followed.reach(6);
    expect(followed.seen).toHaveLength(6);
    expect(cluster.eventCount).toBe(6);
    await subscription.close();
  });
});
