// Connection strings of a secure cluster, as far as the protocol double can check them: the credentials a
// connection string carries reach the server on every call, and a client asked for TLS never falls back to
// plaintext against a server that does not speak it (it fails, UNAVAILABLE). TLS itself, authentication
// and ACLs are the real-server gate's (scripts/kurrentdb-real-server-gate.sh).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../errors.js';
import { KurrentDbProtocolDouble } from '../testing/kurrentdb-double/index.js';
import { aStreamName, rejectionOf, someEvents } from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const quiet = { warn: () => undefined, info: () => undefined };

describe('KurrentDbEventStore with a secure connection string (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let store: KurrentDbEventStore | undefined;

  beforeEach(async () => {
    double = new KurrentDbProtocolDouble();
    await double.start();
  });

  afterEach(async () => {
    await store?.close();
    await double.stop();
  });

  it('sends the connection string’s user and password with its reads; its appends carry them only over TLS', async () => {
    store = await KurrentDbEventStore.connect({
      connectionString: `kurrentdb://tracker:s3cret@127.0.0.1:${double.port}?tls=false&discoveryInterval=10`,
      logger: quiet,
    });
    const stream = aStreamName();
    await store.append(stream, someEvents(2));
    expect(await store.readStream(stream)).toHaveLength(2);
    expect(await store.readAll()).toHaveLength(2);

    const expected = `Basic ${Buffer.from('tracker:s3cret').toString('base64')}`;
    const reads = double.calls.filter((call) => call.path.endsWith('.Streams/Read'));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const call of reads) expect(call).toMatchObject({ authorization: expected });
    // The client's appends go through grpc-js, which attaches call credentials to secure channels only: on a
    // plaintext connection they carry none (an insecure server checks none). A secure cluster gets them.
    const appends = double.calls.filter((call) => call.path.endsWith('.Streams/BatchAppend'));
    expect(appends.length).toBeGreaterThan(0);
    for (const call of appends) expect(call.authorization).toBeUndefined();
  });

  it('asked for TLS, refuses to talk plaintext to a server without it: UNAVAILABLE, nothing written', async () => {
    store = await KurrentDbEventStore.connect({
      connectionString: `kurrentdb://127.0.0.1:${double.port}?tls=true&tlsVerifyCert=false&discoveryInterval=10&maxDiscoverAttempts=1`,
      logger: quiet,
      operationTimeoutMs: 3000,
    });
    expect(await rejectionOf(store.append(aStreamName(), someEvents(1)))).toBeInstanceOf(
      StoreUnavailableError,
    );
    expect((await store.health()).status).toBe('down');
    expect(double.eventCount).toBe(0);
    expect(double.calls.filter((call) => call.path.includes('.Streams/'))).toEqual([]);
  });
});
