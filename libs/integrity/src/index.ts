export * from './verification.js';
export * from './checkpoint/log-signer.js';
export * from './log/merkle-log.js';
export * from './log/verify-log.js';
export * from './checkpoint/checkpointer.js';
