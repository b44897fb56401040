import { describe, expect, it } from '@jest/globals';
import { WrongExpectedRevisionError } from '../../errors.js';
import type { AppendResult, EventStore } from '../../event-store.port.js';
import { anEvent, aStreamName, someEvents } from '../event-fixtures.js';
import type { ContractContext } from './contract-context.js';

export function describeConcurrencyContract(context: ContractContext): void {
  describe('concurrent appends', () => {
    async function raceOnOneRevision(first: EventStore, second: EventStore): Promise<void> {
      const stream = aStreamName();
      await first.append(stream, [anEvent('Opened')], { expectedRevision: 'no_stream' });
      const mine = someEvents(2, 'Mine');
      const theirs = someEvents(2, 'Theirs');

      const outcomes = await Promise.allSettled([
        first.append(stream, mine, { expectedRevision: 0n }),
        second.append(stream, theirs, { expectedRevision: 0n }),
      ]);

      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      const winner = outcomes[0].status === 'fulfilled' ? mine : theirs;
      const stored = await first.readStream(stream);
      expect(stored.map((event) => event.id)).toEqual([stored[0].id, ...winner.map((event) => event.id)]);
      expect((won[0] as PromiseFulfilledResult<AppendResult>).value.nextRevision).toBe(2n);
    }

    it('lets exactly one of two appends with the same expected revision win; the other writes nothing', async () => {
      await raceOnOneRevision(context.store, context.store);
    });

    it('does the same between two clients of the same storage', async () => {
      await raceOnOneRevision(context.store, await context.openAnother());
    });

    it("lets exactly one of several 'no_stream' appends create a stream", async () => {
      const stream = aStreamName();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          context.store.append(stream, [anEvent()], { expectedRevision: 'no_stream' }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(await context.store.readStream(stream)).toHaveLength(1);
    });

    it("keeps every concurrent 'any' append whole: consecutive revisions, none interleaved", async () => {
      const stream = aStreamName();
      const batches = Array.from({ length: 20 }, (_, batch) => someEvents(3, `Batch${batch}`));
      const results = await Promise.all(batches.map((events) => context.store.append(stream, events)));

      const stored = await context.store.readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => BigInt(index)));
      batches.forEach((events, batch) => {
        const last = Number(results[batch].nextRevision);
        expect(stored.slice(last - 2, last + 1).map((event) => event.id)).toEqual(
          events.map((event) => event.id),
        );
      });
    });
  });
}
