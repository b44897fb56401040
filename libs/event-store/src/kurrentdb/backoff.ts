/** How long a dropped subscription waits before each new attempt. */
export interface BackoffOptions {
  /** Wait before the first attempt after a drop, in milliseconds. @defaultValue 250 */
  initialDelayMs?: number;
  /** The longest wait between attempts, in milliseconds. @defaultValue 30_000 */
  maxDelayMs?: number;
  /** Each failed attempt multiplies the wait by this. @defaultValue 2 */
  multiplier?: number;
  /**
   * The share of each wait drawn at random (0 for none, up to 1), so many API instances that lost the
   * same server do not all come back in the same instant. @defaultValue 0.2
   */
  jitter?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitter: 0.2,
};

/** Fills in defaults and refuses settings that would make a busy loop or never retry. */
export function resolveBackoff(options: BackoffOptions = {}): Required<BackoffOptions> {
  const resolved = { ...DEFAULT_BACKOFF, ...options };
  const { initialDelayMs, maxDelayMs, multiplier, jitter } = resolved;
  if (!(initialDelayMs > 0) || !(maxDelayMs >= initialDelayMs) || !Number.isFinite(maxDelayMs)) {
    throw new RangeError(
      `Backoff needs 0 < initialDelayMs <= maxDelayMs < Infinity, not ${initialDelayMs}/${maxDelayMs}`,
    );
  }
  if (!(multiplier >= 1)) throw new RangeError(`Backoff multiplier must be >= 1, not ${multiplier}`);
  if (!(jitter >= 0 && jitter <= 1))
    throw new RangeError(`Backoff jitter must be between 0 and 1, not ${jitter}`);
  return resolved;
}

/**
 * The wait before attempt `attempt` (0 for the first attempt after a drop): exponential, capped, and
 * shortened by up to `jitter` of itself.
 */
export function backoffDelay(
  attempt: number,
  options: Required<BackoffOptions>,
  random: () => number = Math.random,
): number {
  const exponential = options.initialDelayMs * options.multiplier ** Math.max(0, attempt);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped * (1 - options.jitter * random()));
}
