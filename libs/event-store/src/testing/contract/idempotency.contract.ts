import { describe, expect, it } from '@jest/globals';
import { InvalidAppendError, WrongExpectedRevisionError } from '../../errors.js';
import { anEvent, aStreamName, someEvents } from '../event-fixtures.js';
import { rejectionOf } from '../store-readers.js';
import type { ContractContext } from './contract-context.js';

/**
 * Retrying an append with the same event ids (after a timeout, a lost answer, a crashed client) must
 * record nothing twice and answer as the first append did.
 */
export function describeIdempotencyContract(context: ContractContext): void {
  describe('idempotent retry', () => {
    it("returns the original result for the same ids at the same place ('no_stream')", async () => {
      const stream = aStreamName();
      const events = someEvents(3);
      const original = await context.store.append(stream, events, { expectedRevision: 'no_stream' });
      const head = await context.store.headPosition();

      const retried = await context.store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(retried).toEqual(original);
      expect(await context.store.readStream(stream)).toHaveLength(3);
      expect(await context.store.headPosition()).toBe(head);
    });

    it('returns the original result for an exact revision, even after the stream moved on', async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(2));
      const events = someEvents(2);
      const original = await context.store.append(stream, events, { expectedRevision: 1n });
      await context.store.append(stream, someEvents(1), { expectedRevision: 3n });
      const head = await context.store.headPosition();

      const retried = await context.store.append(stream, events, { expectedRevision: 1n });
      expect(retried).toEqual(original);
      expect(retried.nextRevision).toBe(3n);
      expect(await context.store.readStream(stream)).toHaveLength(5);
      expect(await context.store.headPosition()).toBe(head);
    });

    it("returns the original result with 'any' and 'exists'", async () => {
      const stream = aStreamName();
      await context.store.append(stream, someEvents(1));
      const events = someEvents(2);
      const original = await context.store.append(stream, events, { expectedRevision: 'any' });
      await context.store.append(stream, someEvents(1));

      expect(await context.store.append(stream, events, { expectedRevision: 'any' })).toEqual(original);
      expect(await context.store.append(stream, events)).toEqual(original);
      expect(await context.store.append(stream, events, { expectedRevision: 'exists' })).toEqual(original);
      expect(await context.store.readStream(stream)).toHaveLength(4);
    });

    it('recognises a retry whatever the case of its ids', async () => {
      const stream = aStreamName();
      const event = anEvent();
      const original = await context.store.append(stream, [event], { expectedRevision: 'no_stream' });
      const retried = await context.store.append(stream, [{ ...event, id: event.id.toUpperCase() }], {
        expectedRevision: 'no_stream',
      });
      expect(retried).toEqual(original);
      expect(await context.store.readStream(stream)).toHaveLength(1);
    });

    it('refuses ids the stream holds elsewhere when the expected revision is stale (WrongExpectedRevisionError)', async () => {
      const stream = aStreamName();
      const [first, second] = someEvents(2);
      await context.store.append(stream, [first, second], { expectedRevision: 'no_stream' });
      const head = await context.store.headPosition();

      // `second` is at revision 1, not 0 where 'no_stream' would put it.
      const error = await rejectionOf(
        context.store.append(stream, [second], { expectedRevision: 'no_stream' }),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      // A retry that grew: the first two are in place, the third is new.
      const grown = await rejectionOf(
        context.store.append(stream, [first, second, anEvent()], { expectedRevision: 'no_stream' }),
      );
      expect(grown).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await context.store.readStream(stream)).toHaveLength(2);
      expect(await context.store.headPosition()).toBe(head);
    });

    it('refuses ids the stream holds elsewhere when the expected revision matches (InvalidAppendError)', async () => {
      const stream = aStreamName();
      const [first, second] = someEvents(2);
      await context.store.append(stream, [first, second], { expectedRevision: 'no_stream' });
      const head = await context.store.headPosition();

      for (const attempt of [
        () => context.store.append(stream, [first], { expectedRevision: 1n }),
        () => context.store.append(stream, [second, first], { expectedRevision: 'any' }),
        () => context.store.append(stream, [anEvent(), second], { expectedRevision: 'exists' }),
      ]) {
        expect(await rejectionOf(attempt())).toBeInstanceOf(InvalidAppendError);
      }
      expect((await context.store.readStream(stream)).map((event) => event.id)).toEqual([
        first.id,
        second.id,
      ]);
      expect(await context.store.headPosition()).toBe(head);
    });
  });
}
