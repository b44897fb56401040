/**
 * The event store contract, run against KurrentDbEventStore speaking real gRPC through the official
 * client (@kurrent/kurrentdb-client).
 *
 * By default the server is KurrentDbProtocolDouble, an in-process protocol double on a loopback port (a
 * fresh one per test, so every test starts with empty storage). KurrentDB itself cannot run here.
 *
 * With KURRENTDB_CONNECTION_STRING set, the same suite runs against that real KurrentDB instead, e.g.
 *
 *   docker run --rm -p 2113:2113 kurrentplatform/kurrentdb:latest --insecure
 *   KURRENTDB_CONNECTION_STRING='kurrentdb://127.0.0.1:2113?tls=false' \
 *     npm test -- libs/event-store/src/kurrentdb/kurrentdb-event-store.int-spec.ts
 *
 * A real server cannot be emptied between tests, so there each test uses its own `streamPrefix`: the
 * store then sees only its own streams in $all, as if the database were new. Its events stay in the server.
 */
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { KurrentDbClusterDouble, KurrentDbProtocolDouble } from '../testing/kurrentdb-double/index.js';
import { eventStoreContract, type EventStoreHarness } from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions } from './kurrentdb-event-store.options.js';

const realServer = process.env.KURRENTDB_CONNECTION_STRING;

const quiet: KurrentDbEventStoreOptions['logger'] = { warn: () => undefined, info: () => undefined };

/**
 * A store on a fresh double, which writes KurrentDB's own events ($epoch-information, $$ metadata, $> links)
 * between the store's. With `streamPrefix`, another writer keeps appending under another prefix all along,
 * so $all holds what the store must not see; a small `readPageSize` makes reads of $all page past them.
 */
async function doubleHarness(
  options: { streamPrefix?: string; readPageSize?: number } = {},
): Promise<EventStoreHarness> {
  const double = new KurrentDbProtocolDouble();
  await double.start();
  // The client's Rust core waits one discovery interval (500 ms by default) before its first connection.
  const connectionString = `${double.connectionString}&discoveryInterval=10`;
  const open = () => KurrentDbEventStore.connect({ connectionString, logger: quiet, ...options });
  const store = await open();
  if (options.streamPrefix === undefined) return { store, openAnother: open, cleanup: () => double.stop() };

  const neighbour = await KurrentDbEventStore.connect({
    connectionString,
    logger: quiet,
    streamPrefix: 'other/',
  });
  // The neighbour writes while the test runs (a bounded number, so $all stays small): its events land
  // between the store's.
  let writing = true;
  const neighbourWrites = (async () => {
    for (let written = 0; writing && written < 40; written++) {
      await neighbour.append(`noise-${randomUUID()}`, [neighbourEvent()]).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    store,
    openAnother: open,
    cleanup: async () => {
      writing = false;
      await neighbourWrites;
      await neighbour.close();
      await double.stop();
    },
  };
}

const neighbourEvent = () => ({ id: randomUUID(), type: 'NeighbourWrote', data: { n: 1 }, metadata: {} });

async function realServerHarness(connectionString: string): Promise<EventStoreHarness> {
  const streamPrefix = `contract-${randomUUID()}/`;
  const open = () => KurrentDbEventStore.connect({ connectionString, streamPrefix, logger: quiet });
  return { store: await open(), openAnother: open, cleanup: async () => undefined };
}

eventStoreContract(
  realServer ? 'KurrentDbEventStore on KurrentDB' : 'KurrentDbEventStore on KurrentDbProtocolDouble',
  () => (realServer ? realServerHarness(realServer) : doubleHarness()),
);

/** A store reaching a three-node cluster double through a cluster connection string (leader found by gossip). */
async function clusterHarness(): Promise<EventStoreHarness> {
  const cluster = new KurrentDbClusterDouble(3);
  await cluster.start();
  const connectionString = `${cluster.connectionString}&discoveryInterval=10`;
  const open = () => KurrentDbEventStore.connect({ connectionString, logger: quiet });
  return { store: await open(), openAnother: open, cleanup: () => cluster.stop() };
}

if (!realServer) {
  eventStoreContract(
    'KurrentDbEventStore with a stream prefix, beside another writer, paging $all three events at a time',
    () => doubleHarness({ streamPrefix: 'tracker/', readPageSize: 3 }),
  );
  eventStoreContract('KurrentDbEventStore on a three-node cluster double, by gossip', clusterHarness);
}

describe('KurrentDbEventStore.connect', () => {
  it('refuses a malformed connection string and unusable options at once, before any I/O', async () => {
    await expect(
      KurrentDbEventStore.connect({ connectionString: 'http://127.0.0.1:2113' }),
    ).rejects.toThrow();
    const connectionString = 'kurrentdb://127.0.0.1:1?tls=false';
    await expect(KurrentDbEventStore.connect({ connectionString, streamPrefix: '$ce-' })).rejects.toThrow(
      RangeError,
    );
    await expect(KurrentDbEventStore.connect({ connectionString, readPageSize: 1 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      KurrentDbEventStore.connect({ connectionString, resubscribe: { initialDelayMs: 0 } }),
    ).rejects.toThrow(RangeError);
  });
});
