import type { EventStore, Position } from '@tracker/event-store';
import { ProjectionRunner, readModelProjections, type ReadDatabase } from '@tracker/read-models';

const quiet = { info: () => {}, warn: () => {}, error: (message: string) => console.error(message) };

/**
 * Projects the store into `readDb` up to the store's head, offline (the caller holds the read DB's lock),
 * as long as it takes (the longest timer Node has): a large store is what rebuilds and exports are for.
 * Returns the head it reached (undefined for an empty store).
 */
export async function catchUpReadModel(
  store: EventStore,
  readDb: ReadDatabase,
): Promise<Position | undefined> {
  const head = await store.headPosition();
  const runner = new ProjectionRunner({ store, readDb, projections: readModelProjections(), logger: quiet });
  if (head !== undefined) {
    runner.start();
    await runner.waitForPosition(head, 2 ** 31 - 1);
  }
  await runner.stop();
  return head;
}
