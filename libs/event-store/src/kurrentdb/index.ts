export { KurrentDbEventStore } from './kurrentdb-event-store.js';
export type { KurrentDbEventStoreOptions, KurrentDbLogger } from './kurrentdb-event-store.options.js';
