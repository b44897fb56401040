import type { EventStore } from '../../event-store.port.js';

/** What each part of the contract suite works with; valid inside a test only. */
export interface ContractContext {
  /** The store under test: fresh and empty at the start of every test. */
  readonly store: EventStore;
  /** Another client of the same storage; closed for you after the test. */
  openAnother(): Promise<EventStore>;
}
