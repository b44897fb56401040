import { expect } from '@jest/globals';
import { canonicalEventBytes, inMemoryTree, leafHash, rootHash } from '@tracker/integrity';
import { DatabaseSync } from 'node:sqlite';
import { readWholeStore } from '../../testing/index.js';
import { SqliteEventStore } from '../sqlite-event-store.js';

/**
 * Checks, on the file as it is (before any store opens it and fills in missing leaves), that every event
 * has its leaf, in store order; then that each leaf hashes its event as read back, and the root agrees
 * with the tree recomputed from the events.
 */
export async function expectLogToMatchEvents(path: string): Promise<void> {
  const raw = new DatabaseSync(path, { readOnly: true });
  const eventIds = raw
    .prepare('SELECT id FROM events ORDER BY global_position')
    .all()
    .map((row) => row.id);
  const leafIds = raw
    .prepare('SELECT event_id FROM log_tree WHERE event_id IS NOT NULL ORDER BY node')
    .all()
    .map((row) => row.event_id);
  raw.close();
  expect(leafIds).toEqual(eventIds);

  const store = SqliteEventStore.open({ path });
  try {
    const events = await readWholeStore(store);
    const hashes = events.map((event) => leafHash(canonicalEventBytes(event)));
    const stored = store.log!.leaves(0, events.length);
    expect(stored.map((leaf) => leaf.leafHash.toString('hex'))).toEqual(
      hashes.map((hash) => hash.toString('hex')),
    );
    expect(store.log!.root().toString('hex')).toBe(
      rootHash(inMemoryTree(hashes), hashes.length).toString('hex'),
    );
  } finally {
    await store.close();
  }
}
