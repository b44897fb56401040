export * from './app-config.js';
export * from './data-paths.js';
export * from './event-store-choice.js';
