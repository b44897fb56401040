export * from './commands/command-ids.js';
export * from './commands/execute-record-command.command.js';
export * from './commands/execute-record-command.handler.js';
export * from './commands/record-command-executor.js';
export * from './errors/tracking-errors.js';
export * from './tracking.module.js';
export * from './demo/demo-data-loader.js';
