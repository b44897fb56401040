import { describe, expect, it } from '@jest/globals';
import { InvalidAppendError } from '../../errors.js';
import type { EventToAppend } from '../../event.js';
import type { AppendOptions, EventStore } from '../../event-store.port.js';
import { MAX_EVENT_TYPE_LENGTH, MAX_STREAM_NAME_LENGTH } from '../../validation/append-validation.js';
import { anEvent, aStreamName, someEvents } from '../event-fixtures.js';
import { rejectionOf } from '../store-readers.js';
import type { ContractContext } from './contract-context.js';

type Attempt = (store: EventStore, stream: string) => Promise<unknown>;

const withData =
  (data: unknown): Attempt =>
  (store, stream) =>
    store.append(stream, [{ ...anEvent('Bad'), data }]);
const withMetadata =
  (metadata: unknown): Attempt =>
  (store, stream) =>
    store.append(stream, [{ ...anEvent('Bad'), metadata: metadata as EventToAppend['metadata'] }]);
const withEvent =
  (event: Partial<EventToAppend>): Attempt =>
  (store, stream) =>
    store.append(stream, [{ ...anEvent('Bad'), ...event } as EventToAppend]);
const toStream =
  (name: unknown): Attempt =>
  (store) =>
    store.append(name as string, [anEvent()]);
const expecting =
  (expectedRevision: unknown): Attempt =>
  (store, stream) =>
    store.append(stream, [anEvent()], { expectedRevision } as AppendOptions);

class Money {
  constructor(readonly cents: number) {}
}

function cyclic(): unknown {
  const node: Record<string, unknown> = { name: 'loop' };
  node.self = { parent: node };
  return node;
}

/** Each is refused with InvalidAppendError before anything is written. */
const refused: ReadonlyArray<[string, Attempt]> = [
  ['an empty stream name', toStream('')],
  ['a stream name over the limit', toStream('s'.repeat(MAX_STREAM_NAME_LENGTH + 1))],
  ['a stream name that is not a string', toStream(42)],
  ['a stream name starting with $ (reserved)', toStream('$settings')],
  ['a stream name with a control character', toStream('line\nbreak')],
  ['an empty event type', withEvent({ type: '' })],
  ['an event type over the limit', withEvent({ type: 't'.repeat(MAX_EVENT_TYPE_LENGTH + 1) })],
  ['an event type that is not a string', withEvent({ type: 7 as never })],
  ['an id that is not a UUID', withEvent({ id: 'not-a-uuid' })],
  ['an empty id', withEvent({ id: '' })],
  ['a missing id', withEvent({ id: undefined })],
  ['a UUID without its dashes', withEvent({ id: '0190a3c27d1e7b6a9f00000000000001' })],
  ['data with a cycle', withData(cyclic())],
  ['data that is a bigint', withData(1n)],
  ['data holding a bigint', withData({ amount: { cents: 10n } })],
  ['data that is a function', withData(() => 1)],
  ['data holding a function', withData({ compute: () => 1 })],
  ['data holding a symbol', withData({ tag: Symbol('x') })],
  ['undefined data', withData(undefined)],
  ['data holding NaN', withData({ ratio: Number.NaN })],
  ['data holding Infinity', withData([Number.POSITIVE_INFINITY])],
  ['data holding a Date', withData({ at: new Date() })],
  ['data holding a Map', withData({ byCountry: new Map([['TH', 1]]) })],
  ['data holding a class instance', withData({ price: new Money(5) })],
  ['data with undefined in an array', withData([1, undefined])],
  ['data with a hole in an array', withData(Object.assign(new Array<number>(3), { 0: 1, 2: 3 }))],
  ['metadata that is an array', withMetadata(['actor'])],
  ['metadata that is a string', withMetadata('actor')],
  ['metadata holding a bigint', withMetadata({ schemaVersion: 1n })],
  ['metadata with a cycle', withMetadata(cyclic())],
  ['no events', (store, stream) => store.append(stream, [])],
  ['events that are not an array', (store, stream) => store.append(stream, null as never)],
  [
    'the same id twice in one append',
    (store, stream) => {
      const event = anEvent();
      return store.append(stream, [event, { ...event, type: 'Again' }]);
    },
  ],
  [
    'one bad event after good ones',
    (store, stream) => store.append(stream, [...someEvents(3), anEvent('Bad', { amount: 1n })]),
  ],
  ['a negative expected revision', expecting(-1n)],
  ['an expected revision given as a number', expecting(3)],
  ['an unknown expected revision', expecting('sometimes')],
];

export function describeValidationContract(context: ContractContext): void {
  describe('validation before anything is written', () => {
    for (const [what, attempt] of refused) {
      it(`refuses ${what} with InvalidAppendError`, async () => {
        const stream = aStreamName();
        expect(await rejectionOf(attempt(context.store, stream))).toBeInstanceOf(InvalidAppendError);
        expect(await context.store.readStream(stream)).toEqual([]);
        expect(await context.store.readAll()).toEqual([]);
        expect(await context.store.headPosition()).toBeUndefined();
      });
    }

    it('refuses a bad event on an existing stream without touching it', async () => {
      const stream = aStreamName();
      const result = await context.store.append(stream, someEvents(2));
      const error = await rejectionOf(
        context.store.append(stream, [anEvent(), anEvent('Bad', cyclic())], { expectedRevision: 1n }),
      );
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect((error as InvalidAppendError).code).toBe('INVALID_APPEND');
      expect(await context.store.readStream(stream)).toHaveLength(2);
      expect(await context.store.headPosition()).toBe(result.position);
    });

    it('accepts a stream name and an event type exactly at the limits', async () => {
      const stream = `${aStreamName()}-`.padEnd(MAX_STREAM_NAME_LENGTH, 's');
      const type = 'T'.repeat(MAX_EVENT_TYPE_LENGTH);
      await context.store.append(stream, [anEvent(type)]);
      const [read] = await context.store.readStream(stream);
      expect(read.stream).toBe(stream);
      expect(read.type).toBe(type);
    });
  });
}
