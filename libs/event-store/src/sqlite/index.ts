export { SqliteEventStore } from './sqlite-event-store.js';
export type { SqliteEventStoreOptions } from './sqlite-event-store.options.js';
