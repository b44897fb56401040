import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../event.js';
import { comparePositions } from '../../position.js';
import { anEvent, aStreamName, someEvents } from '../event-fixtures.js';
import { iteratorOf, readWholeStore, take, yieldToEventLoop } from '../store-readers.js';
import type { ContractContext } from './contract-context.js';

const ids = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.id);

export function describeSubscriptionContract(context: ContractContext): void {
  describe('subscribeToAll', () => {
    it('catches up from the beginning, then delivers new appends live', async () => {
      await context.store.append(aStreamName(), someEvents(3));
      await context.store.append(aStreamName(), someEvents(2));
      const subscription = context.store.subscribeToAll();
      const iterator = iteratorOf(subscription);

      const caughtUp = await take(iterator, 5);
      expect(ids(caughtUp)).toEqual(ids(await readWholeStore(context.store)));

      const waiting = iterator.next();
      const live = anEvent('Live');
      await context.store.append(aStreamName(), [live]);
      expect((await waiting).value).toMatchObject({ id: live.id, type: 'Live' });
      await subscription.close();
    });

    it('starts after a checkpoint, exclusive', async () => {
      await context.store.append(aStreamName(), someEvents(5));
      const all = await readWholeStore(context.store);
      const subscription = context.store.subscribeToAll({ after: all[1].position });

      expect(ids(await take(iteratorOf(subscription), 3))).toEqual(ids(all.slice(2)));
      await subscription.close();
    });

    it('waits on an empty store, and from the head, for the next append', async () => {
      const fromStart = context.store.subscribeToAll();
      const first = anEvent();
      const waiting = iteratorOf(fromStart).next();
      await context.store.append(aStreamName(), [first]);
      expect((await waiting).value?.id).toBe(first.id);

      const fromHead = context.store.subscribeToAll({ after: await context.store.headPosition() });
      const second = anEvent();
      await context.store.append(aStreamName(), [second]);
      expect(ids(await take(iteratorOf(fromHead), 1))).toEqual([second.id]);
      await Promise.all([fromStart.close(), fromHead.close()]);
    });

    it('delivers events appended during catch-up, once each, with no gap at the switch to live', async () => {
      for (let round = 0; round < 10; round++) await context.store.append(aStreamName(), someEvents(10));
      const subscription = context.store.subscribeToAll();
      const iterator = iteratorOf(subscription);

      const early = await take(iterator, 15);
      for (let round = 0; round < 3; round++) await context.store.append(aStreamName(), someEvents(5));
      const rest = await take(iterator, 100 - 15 + 15);

      const all = await readWholeStore(context.store);
      expect(all).toHaveLength(115);
      expect(ids([...early, ...rest])).toEqual(ids(all));
      await subscription.close();
    });

    it('sees every event exactly once, in order, when it starts during heavy concurrent appends', async () => {
      const appenders = 4;
      const appendsEach = 25;
      const eventsPerAppend = 3;
      let appendsDone = 0;
      let subscriberStarted!: () => void;
      const started = new Promise<void>((resolve) => (subscriberStarted = resolve));

      // Each appender writes to two streams of its own; they interleave at every await.
      const appending = Array.from({ length: appenders }, async (_, appender) => {
        const streams = [aStreamName(`heavy-${appender}-a`), aStreamName(`heavy-${appender}-b`)];
        for (let round = 0; round < appendsEach; round++) {
          await context.store.append(streams[round % 2], someEvents(eventsPerAppend, `Heavy${appender}`));
          appendsDone++;
          if (appendsDone === appenders * 5) await started;
          await yieldToEventLoop();
        }
      });

      // Start only once appends are under way (the appenders pause for it, so it is not left to timing).
      while (appendsDone < appenders * 5) await yieldToEventLoop();
      const subscription = context.store.subscribeToAll();
      const received: RecordedEvent[] = [];
      const consuming = (async () => {
        for await (const event of subscription) {
          if (event.type === 'End') break;
          received.push(event);
        }
      })();
      subscriberStarted();
      await Promise.all(appending);
      await context.store.append(aStreamName('end'), [anEvent('End')]);
      await consuming;

      const all = (await readWholeStore(context.store)).filter((event) => event.type !== 'End');
      expect(all).toHaveLength(appenders * appendsEach * eventsPerAppend);
      expect(received).toHaveLength(all.length);
      expect(ids(received)).toEqual(ids(all));
      for (let index = 1; index < received.length; index++) {
        expect(comparePositions(received[index - 1].position, received[index].position)).toBeLessThan(0);
      }
    });

    it('gives each subscription the whole feed, independently', async () => {
      await context.store.append(aStreamName(), someEvents(4));
      const [one, two] = [context.store.subscribeToAll(), context.store.subscribeToAll()];
      const [fromOne, fromTwo] = await Promise.all([take(iteratorOf(one), 4), take(iteratorOf(two), 4)]);
      expect(ids(fromOne)).toEqual(ids(fromTwo));
      await Promise.all([one.close(), two.close()]);
    });

    it('delivers events appended through another client of the same storage', async () => {
      const other = await context.openAnother();
      const subscription = context.store.subscribeToAll();
      const iterator = iteratorOf(subscription);
      const waiting = iterator.next();
      const events = someEvents(3, 'FromElsewhere');
      await other.append(aStreamName(), events);

      expect([(await waiting).value?.id, ...ids(await take(iterator, 2))]).toEqual(
        events.map((event) => event.id),
      );
      await subscription.close();
    });

    it('ends the iteration on close(), also while it waits for events', async () => {
      await context.store.append(aStreamName(), someEvents(1));
      const subscription = context.store.subscribeToAll();
      const iterator = iteratorOf(subscription);
      await take(iterator, 1);
      const waiting = iterator.next();
      await subscription.close();
      expect((await waiting).done).toBe(true);

      await context.store.append(aStreamName(), someEvents(1));
      expect((await iterator.next()).done).toBe(true);
      await subscription.close();
    });

    it('closes when a for-await loop breaks out of it', async () => {
      await context.store.append(aStreamName(), someEvents(3));
      const subscription = context.store.subscribeToAll();
      for await (const _event of subscription) break;

      await context.store.append(aStreamName(), someEvents(1));
      expect((await iteratorOf(subscription).next()).done).toBe(true);
    });

    it('ends open subscriptions when the store closes', async () => {
      const subscription = context.store.subscribeToAll();
      const waiting = iteratorOf(subscription).next();
      await context.store.close();
      expect((await waiting).done).toBe(true);
    });
  });
}
