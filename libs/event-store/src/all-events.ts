import type { RecordedEvent } from './event.js';
import type { EventStore } from './event-store.port.js';
import type { Position } from './position.js';

/**
 * Every event of $all in store order (or the first `limit`), read a page at a time: memory stays at one
 * page, whatever the store holds. For exports and verification, which walk the whole store.
 */
export async function* allEvents(
  store: EventStore,
  { pageSize = 1_000, limit = Number.POSITIVE_INFINITY }: { pageSize?: number; limit?: number } = {},
): AsyncGenerator<RecordedEvent> {
  let after: Position | undefined;
  let left = limit;
  while (left > 0) {
    const page = await store.readAll({ maxCount: Math.min(pageSize, left), ...(after ? { after } : {}) });
    if (page.length === 0) return;
    yield* page;
    left -= page.length;
    after = page.at(-1)!.position;
  }
}
