import type { StoreHealth } from '@tracker/event-store';
import type { ProjectionRunner, ReplayProgress } from '@tracker/read-models';

/** What /health says about the read side: where it is, whether it is failing, and whether it lags. */
export interface ReadModelHealth {
  /** The last event position the read DB holds (null before the first event). */
  position: string | null;
  failing: boolean;
  lastError?: string;
  /** Whether the read DB holds everything the store held when asked (null when the store is down). */
  caughtUp: boolean | null;
  /** The store's head when asked: what `position` is measured against (null for an empty store or down). */
  headPosition: string | null;
  /**
   * How long the read DB has been behind the head without moving on (0 when caught up): a stuck projection
   * or a subscription gone silent shows here before anyone notices stale answers. Past READ_MODEL_STALL_MS
   * the server reports itself degraded.
   */
  stalledForMs: number;
  /** While the store is replayed into an empty read DB: the head it goes to, events so far, their rate. */
  replay?: ReplayProgress;
}

/** Behind the head without moving on for this long, the read model is stalled: /health says degraded. */
export const READ_MODEL_STALL_MS = 30_000;

/**
 * The read side's health, measured against the head the store's own health check just read (both adapters
 * report it as `details.headPosition`): one read of the head per probe, not two.
 */
export function readModelHealth(
  runner: ProjectionRunner,
  store: StoreHealth,
  now: Date = new Date(),
): ReadModelHealth {
  const status = runner.status();
  const position = status.position ?? null;
  const head = store.status === 'up' ? store.details?.headPosition : undefined;
  // A store that is down, or that did not say where its head is, cannot tell whether the read DB lags.
  const headPosition = typeof head === 'string' || head === null ? head : null;
  const caughtUp =
    typeof head === 'string' ? position !== null && position >= head : head === null ? true : null;
  return {
    position,
    failing: status.failing,
    ...(status.lastError === undefined ? {} : { lastError: status.lastError }),
    caughtUp,
    headPosition,
    stalledForMs: caughtUp === false ? Math.max(0, now.getTime() - status.lastProgressAt.getTime()) : 0,
    ...(status.replay === undefined ? {} : { replay: status.replay }),
  };
}
