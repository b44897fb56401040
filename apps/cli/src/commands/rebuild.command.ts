import { openEventStore } from '@tracker/event-store';
import { lockReadDb, openReadModel, readModelProjections } from '@tracker/read-models';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '@tracker/config';
import { eventStoreChoice } from '@tracker/config';
import { readDbPath } from '@tracker/config';
import { catchUpReadModel } from './catch-up.js';

export const REBUILD_USAGE = `tracker rebuild          empty this instance's read DB and replay the whole event store into it
                         (with the server stopped; or start it with TRACKER_REBUILD_READ_MODEL=true)`;

/**
 * `tracker rebuild`: the read DB rebuilt from the store, offline. Takes the read DB's lock first, so it
 * refuses (ReadDbInUseError) while a server feeds the same read DB.
 */
export async function runRebuildCommand(config: AppConfig, out: (line: string) => void): Promise<number> {
  const path = readDbPath(config);
  const lock = lockReadDb(path);
  try {
    const store = await openEventStore(eventStoreChoice(config));
    try {
      const started = performance.now();
      const readDb = openReadModel(path, readModelProjections(), { rebuild: true });
      const head = await catchUpReadModel(store, readDb);
      readDb.close();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out(`Rebuilt ${path} from the event store up to position ${head ?? '(empty store)'} in ${seconds} s.`);
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    lock.release();
  }
}
