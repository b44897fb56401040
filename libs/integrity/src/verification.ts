// What a reader needs to check the log's evidence, and nothing of SQLite or the server: the standalone
// verifier is built from this file alone.
export * from './canonical-event.js';
export * from './checkpoint/checkpoint.js';
export * from './checkpoint/signed-note.js';
export * from './evidence/evidence-bundle.js';
export * from './rfc9162/index.js';
