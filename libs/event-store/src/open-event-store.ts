import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from './event-store.port.js';
import type { KurrentDbLogger } from './kurrentdb/kurrentdb-event-store.options.js';
import { SqliteEventStore } from './sqlite/index.js';

/** Where the outages of a remote store are reported (the KurrentDB adapter logs each, never silently). */
export type StoreLogger = KurrentDbLogger;

export type EventStoreChoice =
  | { kind: 'sqlite'; path: string; synchronous?: 'FULL' | 'NORMAL'; transparencyLog?: boolean }
  | { kind: 'kurrentdb'; connectionString: string; logger?: StoreLogger };

/**
 * Opens the chosen store: the server and the CLI open the same one from the same configuration.
 * The KurrentDB adapter is loaded only when chosen: its client brings a native (prebuilt) gRPC bridge
 * the embedded default does not need.
 */
export async function openEventStore(choice: EventStoreChoice): Promise<EventStore> {
  if (choice.kind === 'kurrentdb') {
    const { KurrentDbEventStore } = await import('./kurrentdb/index.js');
    return KurrentDbEventStore.connect({
      connectionString: choice.connectionString,
      ...(choice.logger ? { logger: choice.logger } : {}),
    });
  }
  mkdirSync(dirname(choice.path), { recursive: true });
  return SqliteEventStore.open({
    path: choice.path,
    ...(choice.synchronous ? { synchronous: choice.synchronous } : {}),
    ...(choice.transparencyLog === undefined ? {} : { transparencyLog: choice.transparencyLog }),
  });
}
