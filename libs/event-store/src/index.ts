export * from './event.js';
export * from './errors.js';
export * from './event-store.port.js';
export * from './position.js';
