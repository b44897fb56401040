import { afterEach, beforeEach, describe } from '@jest/globals';
import type { EventStore } from '../event-store.port.js';
import { describeAppendContract } from './contract/append.contract.js';
import { describeConcurrencyContract } from './contract/concurrency.contract.js';
import { describeIdempotencyContract } from './contract/idempotency.contract.js';
import { describeLifecycleContract } from './contract/lifecycle.contract.js';
import { describeReadContract } from './contract/read.contract.js';
import { describeSubscriptionContract } from './contract/subscription.contract.js';
import { describeValidationContract } from './contract/validation.contract.js';
import type { ContractContext } from './contract/contract-context.js';

/** What an adapter's spec hands the contract suite for each test. */
export interface EventStoreHarness {
  /** A store on fresh, empty storage. */
  store: EventStore;
  /**
   * Another client of the same storage: a second connection, process-local or not (SQLite), a second
   * client of the same server (KurrentDB). Used to check what other clients see and what survives close.
   */
  openAnother(): Promise<EventStore>;
  /** Releases the storage. Called after every store the test opened has been closed. */
  cleanup(): Promise<void>;
}

/**
 * Defines the Jest tests every EventStore adapter must pass, as a function of a harness factory that
 * is called once per test. Adapter-neutral: it uses only the port.
 *
 * @example
 * eventStoreContract('SqliteEventStore', async () => {
 *   const dir = await mkdtemp(join(tmpdir(), 'events-'));
 *   const open = async () => SqliteEventStore.open({ path: join(dir, 'events.sqlite') });
 *   return { store: await open(), openAnother: open, cleanup: () => rm(dir, { recursive: true }) };
 * });
 */
export function eventStoreContract(name: string, openHarness: () => Promise<EventStoreHarness>): void {
  describe(`${name} (event store contract)`, () => {
    let harness: EventStoreHarness | undefined;
    let others: EventStore[] = [];

    const context: ContractContext = {
      get store() {
        if (!harness) throw new Error('The contract harness is not open (used outside a test?)');
        return harness.store;
      },
      async openAnother() {
        if (!harness) throw new Error('The contract harness is not open (used outside a test?)');
        const other = await harness.openAnother();
        others.push(other);
        return other;
      },
    };

    beforeEach(async () => {
      others = [];
      harness = await openHarness();
    });

    afterEach(async () => {
      if (!harness) return;
      const opened = harness;
      harness = undefined;
      try {
        await Promise.all([opened.store, ...others].map((store) => store.close()));
      } finally {
        await opened.cleanup();
      }
    });

    describeAppendContract(context);
    describeIdempotencyContract(context);
    describeValidationContract(context);
    describeReadContract(context);
    describeSubscriptionContract(context);
    describeConcurrencyContract(context);
    describeLifecycleContract(context);
  });
}
