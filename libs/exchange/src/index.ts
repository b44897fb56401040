export * from './commands-of-events.js';
export * from './record-csv.js';
export * from './record-json.js';
export * from './record-export.js';
export * from './query-lists.js';
