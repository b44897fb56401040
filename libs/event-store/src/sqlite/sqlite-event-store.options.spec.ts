import { describe, expect, it } from '@jest/globals';
import { resolveSqliteOptions } from './sqlite-event-store.options.js';

describe('resolveSqliteOptions', () => {
  it('fills the defaults', () => {
    expect(resolveSqliteOptions({ path: 'events.sqlite' })).toMatchObject({
      path: 'events.sqlite',
      synchronous: 'FULL',
      busyTimeoutMs: 5000,
      pollIntervalMs: 100,
      subscriptionBatchSize: 500,
      transparencyLog: true,
    });
  });

  it('needs a file path', () => {
    for (const options of [{ path: '' }, { path: 7 }, {}, undefined]) {
      expect(() => resolveSqliteOptions(options as never)).toThrow(
        new TypeError('SqliteEventStore needs a file path'),
      );
    }
  });

  it('refuses a durability it does not know, naming it', () => {
    expect(() => resolveSqliteOptions({ path: 'p', synchronous: 'OFF' as never })).toThrow(
      new TypeError("synchronous must be 'FULL' or 'NORMAL', not OFF"),
    );
  });

  it('takes whole numbers from each minimum, and refuses anything else with the setting named', () => {
    expect(
      resolveSqliteOptions({ path: 'p', busyTimeoutMs: 0, pollIntervalMs: 1, subscriptionBatchSize: 1 }),
    ).toMatchObject({ busyTimeoutMs: 0, pollIntervalMs: 1, subscriptionBatchSize: 1 });
    const refusals: [object, string][] = [
      [{ busyTimeoutMs: -1 }, 'busyTimeoutMs must be a whole number >= 0, not -1'],
      [{ busyTimeoutMs: 1.5 }, 'busyTimeoutMs must be a whole number >= 0, not 1.5'],
      [{ pollIntervalMs: 0 }, 'pollIntervalMs must be a whole number >= 1, not 0'],
      [{ subscriptionBatchSize: 0 }, 'subscriptionBatchSize must be a whole number >= 1, not 0'],
      [{ subscriptionBatchSize: Number.NaN }, 'subscriptionBatchSize must be a whole number >= 1, not NaN'],
    ];
    for (const [options, message] of refusals) {
      expect(() => resolveSqliteOptions({ path: 'p', ...options })).toThrow(new RangeError(message));
    }
  });
});
