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
import { KurrentDbProtocolDouble } from '../testing/kurrentdb-double/index.js';
import { eventStoreContract, type EventStoreHarness } from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions } from './kurrentdb-event-store.options.js';

const realServer = process.env.KURRENTDB_CONNECTION_STRING;

const quiet: KurrentDbEventStoreOptions['logger'] = { warn: () => undefined, info: () => undefined };

async function doubleHarness(): Promise<EventStoreHarness> {
  const double = new KurrentDbProtocolDouble();
  await double.start();
  // The client's Rust core waits one discovery interval (500 ms by default) before its first connection.
  const connectionString = `${double.connectionString}&discoveryInterval=10`;
  const open = () => KurrentDbEventStore.connect({ connectionString, logger: quiet });
  return { store: await open(), openAnother: open, cleanup: () => double.stop() };
}

async function realServerHarness(connectionString: string): Promise<EventStoreHarness> {
  const streamPrefix = `contract-${randomUUID()}/`;
  const open = () => KurrentDbEventStore.connect({ connectionString, streamPrefix, logger: quiet });
  return { store: await open(), openAnother: open, cleanup: async () => undefined };
}

eventStoreContract(
  realServer ? 'KurrentDbEventStore on KurrentDB' : 'KurrentDbEventStore on KurrentDbProtocolDouble',
  () => (realServer ? realServerHarness(realServer) : doubleHarness()),
);

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
