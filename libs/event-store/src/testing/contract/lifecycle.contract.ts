import { describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../../errors.js';
import type { EventStore } from '../../event-store.port.js';
import { anEvent, aStreamName } from '../event-fixtures.js';
import { iteratorOf, rejectionOf } from '../store-readers.js';
import type { ContractContext } from './contract-context.js';

/** A closed store may refuse a subscription at once or on its first read: either is a refusal. */
async function subscriptionRefusal(store: EventStore): Promise<unknown> {
  try {
    await iteratorOf(store.subscribeToAll()).next();
  } catch (error) {
    return error;
  }
  return undefined;
}

export function describeLifecycleContract(context: ContractContext): void {
  describe('health and close', () => {
    it('reports up while open and down once closed, without throwing', async () => {
      const up = await context.store.health();
      expect(up.status).toBe('up');
      expect(up.store).toEqual(expect.any(String));

      await context.store.close();
      const down = await context.store.health();
      expect(down.status).toBe('down');
      expect(down).toHaveProperty('reason', expect.any(String));
    });

    it('reports the head position in its health details (null while empty), as headPosition() does', async () => {
      expect((await context.store.health()).details).toMatchObject({ headPosition: null });
      await context.store.append(aStreamName(), [anEvent()]);
      const result = await context.store.append(aStreamName(), [anEvent()]);
      expect((await context.store.health()).details).toMatchObject({ headPosition: result.position });
      expect(await context.store.headPosition()).toBe(result.position);
    });

    it('can be closed more than once, also concurrently', async () => {
      await Promise.all([context.store.close(), context.store.close()]);
      await expect(context.store.close()).resolves.toBeUndefined();
    });

    it('refuses every operation once closed with StoreUnavailableError', async () => {
      const stream = aStreamName();
      await context.store.append(stream, [anEvent()]);
      await context.store.close();

      for (const attempt of [
        context.store.append(stream, [anEvent()]),
        context.store.readStream(stream),
        context.store.readAll(),
        context.store.headPosition(),
      ]) {
        expect(await rejectionOf(attempt)).toBeInstanceOf(StoreUnavailableError);
      }
      expect(await subscriptionRefusal(context.store)).toBeInstanceOf(StoreUnavailableError);
    });

    it('lets an append called before close finish, durably', async () => {
      const stream = aStreamName();
      const event = anEvent('LastBeforeShutdown');
      const appending = context.store.append(stream, [event]);
      const closing = context.store.close();
      await appending;
      await closing;

      const reopened = await context.openAnother();
      expect((await reopened.readStream(stream)).map((read) => read.id)).toEqual([event.id]);
    });

    it('shows other clients of the same storage what was appended', async () => {
      const other = await context.openAnother();
      const stream = aStreamName();
      const result = await context.store.append(stream, [anEvent()]);
      expect((await other.readStream(stream)).map((event) => event.position)).toEqual([result.position]);
      expect(await other.headPosition()).toBe(result.position);
    });
  });
}
