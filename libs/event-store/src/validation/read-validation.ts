import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port.js';
import type { Position } from '../position.js';

/** `readAll`'s page size when the caller gives none (the port's documented default). */
export const DEFAULT_READ_ALL_MAX_COUNT = 1000;

export interface ResolvedReadStreamOptions {
  direction: 'forwards' | 'backwards';
  fromRevision: bigint | undefined;
  /** undefined: no limit. */
  maxCount: number | undefined;
}

/**
 * Defaults and checks for `readStream`. Bad options are a programming error, not bad user input, so
 * they throw TypeError or RangeError rather than an EventStoreError.
 */
export function resolveReadStreamOptions(options: ReadStreamOptions = {}): ResolvedReadStreamOptions {
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new TypeError(`direction must be 'forwards' or 'backwards', not ${String(direction)}`);
  }
  const { fromRevision } = options;
  if (fromRevision !== undefined) {
    if (typeof fromRevision !== 'bigint') throw new TypeError('fromRevision must be a bigint');
    if (fromRevision < 0n) throw new RangeError(`fromRevision must be >= 0n, not ${fromRevision}n`);
  }
  return { direction, fromRevision, maxCount: checkMaxCount(options.maxCount) };
}

export interface ResolvedReadAllOptions {
  after: Position | undefined;
  maxCount: number;
}

export function resolveReadAllOptions(options: ReadAllOptions = {}): ResolvedReadAllOptions {
  return { after: options.after, maxCount: checkMaxCount(options.maxCount) ?? DEFAULT_READ_ALL_MAX_COUNT };
}

function checkMaxCount(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined) return undefined;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount must be a whole number >= 0, not ${maxCount}`);
  }
  return maxCount;
}
