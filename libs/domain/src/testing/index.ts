// Test data for every layer's specs (`@tracker/domain/testing`): one valid record of each kind, from the
// source article, which the read models' specs and the end-to-end specs build on rather than restate.
export * from './fixtures.js';
