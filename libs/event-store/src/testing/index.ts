export { eventStoreContract, type EventStoreHarness } from './event-store.contract.js';
export type { ContractContext } from './contract/contract-context.js';
export { anEvent, aStreamName, someEvents } from './event-fixtures.js';
export {
  iteratorOf,
  readWholeStore,
  rejectionOf,
  settledSoon,
  take,
  yieldToEventLoop,
} from './store-readers.js';
