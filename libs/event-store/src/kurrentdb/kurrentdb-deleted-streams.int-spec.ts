// Streams deleted in KurrentDB behind the tracker's back (by an operator, or another application on a
// shared cluster), as the protocol double deletes them over the wire for the official client: the tracker
// never deletes, but must answer sanely when it meets one. A soft-deleted stream reads as empty and can be
// written again; a tombstoned one reads as empty and refuses appends with a clear error, not an internal
// one; neither deletion's own records ($metadata, $streamDeleted) reach a reader of $all.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { InvalidAppendError } from '../errors.js';
import { KurrentDbProtocolDouble } from '../testing/kurrentdb-double/index.js';
import { aStreamName, anEvent, rejectionOf, someEvents } from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

describe('KurrentDbEventStore meeting streams deleted in KurrentDB (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let store: KurrentDbEventStore;
  let operator: KurrentDBClient;

  beforeEach(async () => {
    double = new KurrentDbProtocolDouble();
    await double.start();
    const connectionString = `${double.connectionString}&discoveryInterval=10`;
    store = await KurrentDbEventStore.connect({ connectionString });
    operator = KurrentDBClient.connectionString(connectionString);
  });

  afterEach(async () => {
    await operator.dispose();
    await store.close();
    await double.stop();
  });

  /** Every event $all holds for the store, page by page. */
  async function readWholeLog() {
    return store.readAll({ maxCount: 1000 });
  }

  it('reads a soft-deleted stream as empty, and writes to it again', async () => {
    const stream = aStreamName();
    await store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });
    await operator.deleteStream(stream);
    expect(await store.readStream(stream)).toEqual([]);
    const again = await store.append(stream, [anEvent()]);
    expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([again.nextRevision]);
    expect((await readWholeLog()).map((event) => event.type)).not.toContain('$metadata');
  });

  it('reads a tombstoned stream as empty and refuses appends to it as invalid, naming the deletion', async () => {
    const stream = aStreamName();
    await store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });
    await operator.tombstoneStream(stream);
    expect(await store.readStream(stream)).toEqual([]);
    const refused = await rejectionOf(store.append(stream, [anEvent()]));
    expect(refused).toBeInstanceOf(InvalidAppendError);
    expect((refused as Error).message).toMatch(/deleted for good \(tombstoned\).*nothing was written/);
    const log = await readWholeLog();
    expect(log).toHaveLength(2);
    expect(log.map((event) => event.type)).not.toContain('$streamDeleted');
    // Other streams carry on.
    expect((await store.append(aStreamName(), [anEvent()])).nextRevision).toBe(0n);
  });
});
