export * from './commands/command-ids.js';
export * from './commands/record-command-executor.js';
export * from './errors/tracking-errors.js';
export * from './tracking.module.js';
export * from './demo/demo-data-loader.js';
export * from './auth/api-token-events.js';
export * from './auth/api-token-store.js';
export * from './auth/roles.js';
