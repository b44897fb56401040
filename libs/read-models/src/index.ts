export * from './read-db/read-database.js';
export * from './read-db/read-model.schema.js';
export * from './read-db/open-read-model.js';
export * from './runner/checkpoint-store.js';
export * from './runner/projection.js';
export * from './runner/projection-runner.js';
export * from './projections/records.projection.js';
export * from './records/record-view.js';
