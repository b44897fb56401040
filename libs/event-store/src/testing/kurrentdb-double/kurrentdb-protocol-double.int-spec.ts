/**
 * The protocol double seen from the official client over real gRPC: what the adapter's suites do not
 * cover on their own (the client's fallback append path, restarts, refusals of the unimplemented).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { jsonEvent, KurrentDBClient, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { KurrentDbProtocolDouble, type KurrentDbProtocolDoubleOptions } from './index.js';

/** Everything a read yields, or its error. */
async function collect<T>(reading: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of reading) all.push(item);
  return all;
}

describe('KurrentDbProtocolDouble with @kurrent/kurrentdb-client', () => {
  let double: KurrentDbProtocolDouble;
  let client: KurrentDBClient;

  async function start(options?: KurrentDbProtocolDoubleOptions): Promise<number> {
    double = new KurrentDbProtocolDouble(options);
    const port = await double.start();
    client = KurrentDBClient.connectionString(`${double.connectionString}&discoveryInterval=10`);
    return port;
  }

  const readStream = async (stream: string) => {
    const events = [];
    for await (const resolved of client.readStream(stream)) events.push(resolved.event!);
    return events;
  };

  afterEach(async () => {
    await client.dispose();
    await double.stop();
  });

  it('serves BatchAppend, which the client prefers, and Read', async () => {
    await start();
    const result = await client.appendToStream('s-1', [jsonEvent({ type: 'A', data: { a: 1 } })], {
      streamState: 'no_stream',
    });
    expect(result).toMatchObject({ success: true, nextExpectedRevision: 0n });
    expect((await readStream('s-1')).map((event) => event.data)).toEqual([{ a: 1 }]);
    expect(new Set(double.calls.map((call) => call.path))).toEqual(
      new Set([
        '/event_store.client.server_features.ServerFeatures/GetSupportedMethods',
        '/event_store.client.streams.Streams/BatchAppend',
        '/event_store.client.streams.Streams/Read',
      ]),
    );
  });

  it('serves the unary Append the client falls back to when BatchAppend is not advertised', async () => {
    await start({ batchAppend: false });
    await client.appendToStream('s-1', [
      jsonEvent({ type: 'A', data: {} }),
      jsonEvent({ type: 'B', data: {} }),
    ]);
    const conflict = client.appendToStream('s-1', [jsonEvent({ type: 'C', data: {} })], { streamState: 0n });
    await expect(conflict).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(conflict).rejects.toMatchObject({ expectedState: 0n, actualState: 1n });
    expect(double.calls.map((call) => call.path)).toContain('/event_store.client.streams.Streams/Append');
    expect(double.calls.map((call) => call.path)).not.toContain(
      '/event_store.client.streams.Streams/BatchAppend',
    );
  });

  it('keeps its data across stop and start on the same port', async () => {
    const port = await start();
    const id = randomUUID();
    await client.appendToStream('s-1', [jsonEvent({ id, type: 'A', data: {} })]);
    await double.stop();
    expect(double.running).toBe(false);
    expect(await double.start(port)).toBe(port);

    const fresh = KurrentDBClient.connectionString(`${double.connectionString}&discoveryInterval=10`);
    const events = [];
    for await (const resolved of fresh.readStream('s-1')) events.push(resolved.event!.id);
    await fresh.dispose();
    expect(events).toEqual([id]);
  });

  it('answers UNIMPLEMENTED for what it does not implement', async () => {
    await start();
    await expect(client.deletePersistentSubscriptionToStream('s-1', 'group')).rejects.toMatchObject({
      code: 12,
    });
  });

  it('soft-deletes and tombstones streams as KurrentDB does, in the errors the client knows', async () => {
    await start();
    await client.appendToStream('soft-1', [jsonEvent({ type: 'A', data: {} })]);
    await client.deleteStream('soft-1');
    await expect(collect(client.readStream('soft-1'))).rejects.toMatchObject({ type: 'stream-not-found' });
    const again = await client.appendToStream('soft-1', [jsonEvent({ type: 'B', data: {} })]);
    expect(again.nextExpectedRevision).toBe(1n);
    expect((await collect(client.readStream('soft-1'))).map((resolved) => resolved.event?.type)).toEqual([
      'B',
    ]);

    await client.appendToStream('hard-1', [jsonEvent({ type: 'A', data: {} })]);
    await client.tombstoneStream('hard-1');
    await expect(collect(client.readStream('hard-1'))).rejects.toMatchObject({ type: 'stream-deleted' });
    await expect(client.appendToStream('hard-1', [jsonEvent({ type: 'B', data: {} })])).rejects.toMatchObject(
      {
        type: 'stream-deleted',
      },
    );
    await expect(client.deleteStream('hard-1')).rejects.toMatchObject({ type: 'stream-deleted' });
  });
});
