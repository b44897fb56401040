export * from './hashes.js';
export * from './proofs.js';
export * from './verify.js';
export * from './tree-edge.js';
