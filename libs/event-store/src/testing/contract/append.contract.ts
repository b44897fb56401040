import { describe, expect, it } from '@jest/globals';
import { WrongExpectedRevisionError } from '../../errors.js';
import { comparePositions, type Position } from '../../position.js';
import { anEvent, aStreamName, someEvents } from '../event-fixtures.js';
import { readWholeStore, rejectionOf } from '../store-readers.js';
import type { ContractContext } from './contract-context.js';

export function describeAppendContract(context: ContractContext): void {
  describe('append', () => {
    it('starts a stream at revision 0 and returns the revision and position of its last event', async () => {
      const stream = aStreamName();
      const result = await context.store.append(stream, [anEvent('A'), anEvent('B')], {
        expectedRevision: 'no_stream',
      });

      const events = await context.store.readStream(stream);
      expect(events.map((event) => [event.revision, event.type])).toEqual([
        [0n, 'A'],
        [1n, 'B'],
      ]);
      expect(result.nextRevision).toBe(1n);
      expect(result.position).toBe(events[1].position);
    });

    it('gives the events of one append consecutive revisions and increasing positions, then continues', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(3), { expectedRevision: 'no_stream' });
      const second = await context.store.append(stream, someEvents(2), { expectedRevision: 2n });

      const events = await context.store.readStream(stream);
      expect(second.nextRevision).toBe(4n);
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expectStrictlyIncreasing(events.map((event) => event.position));
      expect(second.position).toBe(events[4].position);
    });

    it('keeps revisions per stream and positions global, in append order across streams', async () => {
      const [first, other] = [aStreamName('first'), aStreamName('other')];
      const a0 = await context.store.append(first, [anEvent()]);
      const b0 = await context.store.append(other, [anEvent()]);
      const a1 = await context.store.append(first, [anEvent()]);

      expect([a0.nextRevision, b0.nextRevision, a1.nextRevision]).toEqual([0n, 0n, 1n]);
      expectStrictlyIncreasing([a0.position, b0.position, a1.position]);
      expect((await readWholeStore(context.store)).map((event) => event.position)).toEqual([
        a0.position,
        b0.position,
        a1.position,
      ]);
    });

    it('stores id, stream, type, data and metadata and reads them back unchanged', async () => {
      const stream = aStreamName('cooperation');
      const data = {
        text: 'Kiểm tra ✓ ជំនួយ "quoted" \\ back',
        count: 42,
        ratio: -1.5,
        largestSafe: Number.MAX_SAFE_INTEGER,
        nothing: null,
        flag: false,
        nested: { list: [1, 'two', null, true, { deep: [] }], empty: {} },
      };
      const metadata = {
        actor: 'analyst-1',
        commandId: '0190a3c2-7d1e-7b6a-9f00-000000000001',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        schemaVersion: 2,
        custom: { tags: ['a', 'b'], weight: 0.25 },
      };
      const event = anEvent('MemorandumSigned', data, metadata);
      await context.store.append(stream, [event]);

      const [read] = await context.store.readStream(stream);
      expect(read.id).toBe(event.id);
      expect(read.stream).toBe(stream);
      expect(read.type).toBe('MemorandumSigned');
      expect(read.data).toEqual(data);
      expect(read.metadata).toEqual(metadata);
      expect(typeof (read.data as typeof data).largestSafe).toBe('number');
    });

    it('reads back metadata as {} when the event had none', async () => {
      const stream = aStreamName();
      await context.store.append(stream, [anEvent('NoMetadata')]);
      const [read] = await context.store.readStream(stream);
      expect(read.metadata).toEqual({});
    });

    it('keeps any JSON value as data: strings, numbers, booleans, arrays, null', async () => {
      const stream = aStreamName();
      const values = ['text', 7, true, [1, [2]], null, ''];
      await context.store.append(
        stream,
        values.map((value) => anEvent('Scalar', value)),
      );
      expect((await context.store.readStream(stream)).map((event) => event.data)).toEqual(values);
    });

    it('leaves out object fields whose value is undefined, as JSON does', async () => {
      const stream = aStreamName();
      await context.store.append(stream, [anEvent('Optional', { kept: 1, left: undefined })]);
      const [read] = await context.store.readStream(stream);
      expect(read.data).toEqual({ kept: 1 });
      expect(Object.keys(read.data as object)).toEqual(['kept']);
    });

    it('reads event ids back in lower case', async () => {
      const stream = aStreamName();
      const id = '0190A3C2-7D1E-7B6A-9F00-00000000ABCD';
      await context.store.append(stream, [{ id, type: 'Upper', data: {} }]);
      const [read] = await context.store.readStream(stream);
      expect(read.id).toBe(id.toLowerCase());
    });

    it('stamps recordedAt with the store clock at append time', async () => {
      const stream = aStreamName();
      // To the whole second: the KurrentDB client reports creation times no finer.
      const before = Math.floor(Date.now() / 1000) * 1000;
      await context.store.append(stream, someEvents(2));
      const after = Date.now();
      const read = await context.store.readStream(stream);
      expect(read).toHaveLength(2);
      for (const event of read) {
        expect(event.recordedAt).toBeInstanceOf(Date);
        expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(before);
        expect(event.recordedAt.getTime()).toBeLessThanOrEqual(after);
      }
    });

    it('gives positions as strings that survive JSON and order like the store', async () => {
      const results = [];
      for (const stream of [aStreamName(), aStreamName(), aStreamName()]) {
        results.push(await context.store.append(stream, [anEvent()]));
      }
      const positions = results.map((result) => result.position);
      for (const position of positions) expect(typeof position).toBe('string');
      expect(JSON.parse(JSON.stringify({ positions }))).toEqual({ positions });
      expect([...positions].reverse().sort()).toEqual(positions);
      expectStrictlyIncreasing(positions);
    });

    it('returns nothing but strings, numbers and Dates besides the revision, so events serialise to JSON', async () => {
      const stream = aStreamName();
      await context.store.append(stream, [anEvent('Plain', { amount: 2 ** 40 }, { schemaVersion: 1 })]);
      const [read] = await context.store.readStream(stream);
      const { revision, ...rest } = read;
      expect(typeof revision).toBe('bigint');
      expect(() => JSON.stringify(rest)).not.toThrow();
      expect(JSON.parse(JSON.stringify(rest))).toEqual({
        ...rest,
        recordedAt: read.recordedAt.toISOString(),
      });
    });
  });

  describe('expected revision', () => {
    it("'no_stream' appends to a missing stream and refuses an existing one, writing nothing", async () => {
      const stream = aStreamName();
      await context.store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
      const head = await context.store.headPosition();

      const error = await rejectionOf(
        context.store.append(stream, someEvents(2), { expectedRevision: 'no_stream' }),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: 'no_stream', actual: '0' });
      expect(await context.store.readStream(stream)).toHaveLength(1);
      expect(await context.store.headPosition()).toBe(head);
    });

    it("'exists' refuses a missing stream, writing nothing, and appends to an existing one", async () => {
      const stream = aStreamName();
      const error = await rejectionOf(
        context.store.append(stream, [anEvent()], { expectedRevision: 'exists' }),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: 'exists', actual: 'no_stream' });
      expect(await context.store.readStream(stream)).toEqual([]);
      expect(await context.store.headPosition()).toBeUndefined();

      await context.store.append(stream, [anEvent()]);
      const result = await context.store.append(stream, [anEvent()], { expectedRevision: 'exists' });
      expect(result.nextRevision).toBe(1n);
    });

    it("'any' appends whatever the stream holds, and is the default", async () => {
      const stream = aStreamName();
      expect(
        (await context.store.append(stream, [anEvent()], { expectedRevision: 'any' })).nextRevision,
      ).toBe(0n);
      expect(
        (await context.store.append(stream, [anEvent()], { expectedRevision: 'any' })).nextRevision,
      ).toBe(1n);
      expect((await context.store.append(stream, [anEvent()])).nextRevision).toBe(2n);
      expect((await context.store.append(stream, [anEvent()], {})).nextRevision).toBe(3n);
    });

    it('an exact revision appends only when the last event is at it; otherwise nothing is written', async () => {
      const stream = aStreamName();
      const missing = await rejectionOf(context.store.append(stream, [anEvent()], { expectedRevision: 0n }));
      expect(missing).toBeInstanceOf(WrongExpectedRevisionError);
      expect(missing).toMatchObject({ expected: '0', actual: 'no_stream' });

      await context.store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });
      const head = await context.store.headPosition();
      for (const stale of [0n, 2n, 7n]) {
        const error = await rejectionOf(
          context.store.append(stream, someEvents(3), { expectedRevision: stale }),
        );
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: String(stale), actual: '1' });
      }
      expect(await context.store.readStream(stream)).toHaveLength(2);
      expect(await context.store.headPosition()).toBe(head);

      const result = await context.store.append(stream, [anEvent()], { expectedRevision: 1n });
      expect(result.nextRevision).toBe(2n);
    });

    it('reports the conflict with a stable code and string fields, so it serialises to JSON', async () => {
      const stream = aStreamName();
      await context.store.append(stream, [anEvent()]);
      const error = (await rejectionOf(
        context.store.append(stream, [anEvent()], { expectedRevision: 5n }),
      )) as WrongExpectedRevisionError;
      expect(error.code).toBe('WRONG_EXPECTED_REVISION');
      const { code, expected, actual } = error;
      expect(JSON.parse(JSON.stringify({ code, stream: error.stream, expected, actual }))).toEqual({
        code: 'WRONG_EXPECTED_REVISION',
        stream,
        expected: '5',
        actual: '0',
      });
    });
  });
}

function expectStrictlyIncreasing(positions: readonly Position[]): void {
  for (let index = 1; index < positions.length; index++) {
    expect(comparePositions(positions[index - 1], positions[index])).toBeLessThan(0);
  }
}
