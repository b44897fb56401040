import { describe, expect, it } from '@jest/globals';
import { backoffDelay, DEFAULT_BACKOFF, resolveBackoff } from './backoff.js';

describe('resubscription backoff', () => {
  const noJitter = resolveBackoff({ initialDelayMs: 100, maxDelayMs: 1_000, multiplier: 2, jitter: 0 });

  it('grows exponentially from the initial delay and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((attempt) => backoffDelay(attempt, noJitter))).toEqual([
      100, 200, 400, 800, 1_000, 1_000, 1_000,
    ]);
  });

  it('shortens each delay by at most the jitter share', () => {
    const jittered = resolveBackoff({ initialDelayMs: 100, maxDelayMs: 1_000, jitter: 0.2 });
    expect(backoffDelay(2, jittered, () => 0)).toBe(400);
    expect(backoffDelay(2, jittered, () => 0.5)).toBe(360);
    expect(backoffDelay(2, jittered, () => 0.999_999)).toBe(320);
    expect(backoffDelay(30, jittered, () => 0.999_999)).toBe(800);
  });

  it('has defaults that back off to half a minute', () => {
    expect(resolveBackoff()).toEqual(DEFAULT_BACKOFF);
    expect(backoffDelay(100, resolveBackoff(), () => 0)).toBe(30_000);
  });

  it('refuses settings that would spin or never come back', () => {
    expect(() => resolveBackoff({ initialDelayMs: 0 })).toThrow(RangeError);
    expect(() => resolveBackoff({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError);
    expect(() => resolveBackoff({ maxDelayMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => resolveBackoff({ multiplier: 0.5 })).toThrow(RangeError);
    expect(() => resolveBackoff({ jitter: 1.5 })).toThrow(RangeError);
  });
});
