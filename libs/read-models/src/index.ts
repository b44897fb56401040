export * from './read-db/read-database.js';
export * from './runner/checkpoint-store.js';
export * from './runner/projection.js';
export * from './runner/projection-runner.js';
