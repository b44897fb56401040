export * from './event.js';
export * from './errors.js';
export * from './event-store.port.js';
export * from './position.js';
export { MAX_EVENT_TYPE_LENGTH, MAX_STREAM_NAME_LENGTH } from './validation/append-validation.js';
export { DEFAULT_READ_ALL_MAX_COUNT } from './validation/read-validation.js';
export * from './sqlite/index.js';
export * from './open-event-store.js';
export * from './all-events.js';
