import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../event.js';
import { DEFAULT_READ_ALL_MAX_COUNT } from '../../validation/read-validation.js';
import { anEvent, aStreamName, someEvents } from '../event-fixtures.js';
import { readWholeStore, rejectionOf } from '../store-readers.js';
import type { ContractContext } from './contract-context.js';

const indexes = (events: RecordedEvent[]): unknown[] =>
  events.map((event) => (event.data as { index: number }).index);

export function describeReadContract(context: ContractContext): void {
  describe('readStream', () => {
    it('returns [] for a stream that does not exist', async () => {
      expect(await context.store.readStream(aStreamName())).toEqual([]);
      await context.store.append(aStreamName(), [anEvent()]);
      expect(await context.store.readStream(aStreamName())).toEqual([]);
    });

    it("reads forwards by default, only the stream's own events", async () => {
      const [stream, other] = [aStreamName(), aStreamName()];
      await context.store.append(stream, someEvents(2));
      await context.store.append(other, someEvents(3));
      await context.store.append(stream, [anEvent('SomethingHappened', { index: 2 })]);

      const events = await context.store.readStream(stream);
      expect(indexes(events)).toEqual([0, 1, 2]);
      expect(events.every((event) => event.stream === stream)).toBe(true);
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
    });

    it('reads backwards from the end', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(4));
      const events = await context.store.readStream(stream, { direction: 'backwards' });
      expect(events.map((event) => event.revision)).toEqual([3n, 2n, 1n, 0n]);
    });

    it('starts at fromRevision, inclusive, in either direction', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(5));
      const forwards = await context.store.readStream(stream, { fromRevision: 2n });
      const backwards = await context.store.readStream(stream, { direction: 'backwards', fromRevision: 2n });
      expect(forwards.map((event) => event.revision)).toEqual([2n, 3n, 4n]);
      expect(backwards.map((event) => event.revision)).toEqual([2n, 1n, 0n]);
    });

    it('reads nothing forwards from past the end, everything backwards from past the end', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(3));
      expect(await context.store.readStream(stream, { fromRevision: 3n })).toEqual([]);
      const backwards = await context.store.readStream(stream, { direction: 'backwards', fromRevision: 10n });
      expect(backwards.map((event) => event.revision)).toEqual([2n, 1n, 0n]);
    });

    it('stops at maxCount', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(5));
      const forwards = await context.store.readStream(stream, { fromRevision: 1n, maxCount: 2 });
      const backwards = await context.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      expect(forwards.map((event) => event.revision)).toEqual([1n, 2n]);
      expect(backwards.map((event) => event.revision)).toEqual([4n]);
      expect(await context.store.readStream(stream, { maxCount: 0 })).toEqual([]);
    });

    it('refuses a negative maxCount or fromRevision as a programming error', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(1));
      expect(await rejectionOf(context.store.readStream(stream, { maxCount: -1 }))).toBeInstanceOf(
        RangeError,
      );
      expect(await rejectionOf(context.store.readStream(stream, { fromRevision: -1n }))).toBeInstanceOf(
        RangeError,
      );
    });
  });

  describe('readAll', () => {
    it('returns [] from an empty store', async () => {
      expect(await context.store.readAll()).toEqual([]);
    });

    it('reads every stream in position order', async () => {
      const [first, second] = [aStreamName(), aStreamName()];
      const a = await context.store.append(first, [anEvent('A0')]);
      const b = await context.store.append(second, [anEvent('B0'), anEvent('B1')]);
      const c = await context.store.append(first, [anEvent('A1')]);

      const events = await context.store.readAll();
      expect(events.map((event) => [event.stream, event.type])).toEqual([
        [first, 'A0'],
        [second, 'B0'],
        [second, 'B1'],
        [first, 'A1'],
      ]);
      expect(events.map((event) => event.position)).toEqual([
        a.position,
        (await context.store.readStream(second))[0].position,
        b.position,
        c.position,
      ]);
    });

    it('starts after the given position (exclusive) and stops at maxCount', async () => {
      await context.store.append(aStreamName(), someEvents(3));
      await context.store.append(aStreamName(), someEvents(3));
      const all = await context.store.readAll();

      const page = await context.store.readAll({ after: all[1].position, maxCount: 3 });
      expect(page.map((event) => event.id)).toEqual(all.slice(2, 5).map((event) => event.id));
      expect(await context.store.readAll({ after: all[5].position })).toEqual([]);
      expect(await context.store.readAll({ maxCount: 0 })).toEqual([]);
    });

    it(`returns at most ${DEFAULT_READ_ALL_MAX_COUNT} events when no maxCount is given`, async () => {
      await context.store.append(aStreamName(), someEvents(DEFAULT_READ_ALL_MAX_COUNT));
      await context.store.append(aStreamName(), someEvents(1));
      const page = await context.store.readAll();
      expect(page).toHaveLength(DEFAULT_READ_ALL_MAX_COUNT);
      expect(await context.store.readAll({ after: page[page.length - 1].position })).toHaveLength(1);
    });

    it('refuses a negative maxCount as a programming error', async () => {
      expect(await rejectionOf(context.store.readAll({ maxCount: -5 }))).toBeInstanceOf(RangeError);
    });
  });

  describe('headPosition', () => {
    it('is undefined for an empty store, then the position of the last event appended', async () => {
      expect(await context.store.headPosition()).toBeUndefined();
      await context.store.append(aStreamName(), someEvents(2));
      const last = await context.store.append(aStreamName(), someEvents(3));
      expect(await context.store.headPosition()).toBe(last.position);
      const all = await readWholeStore(context.store);
      expect(all[all.length - 1].position).toBe(last.position);
    });
  });
}
