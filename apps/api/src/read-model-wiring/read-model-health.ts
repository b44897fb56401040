import type { EventStore } from '@tracker/event-store';
import type { ProjectionRunner, ReplayProgress } from '@tracker/read-models';

/** What /health says about the read side: where it is, whether it is failing, and whether it lags. */
export interface ReadModelHealth {
  /** The last event position the read DB holds (null before the first event). */
  position: string | null;
  failing: boolean;
  lastError?: string;
  /** Whether the read DB holds everything the store held when asked (null when the store is down). */
  caughtUp: boolean | null;
  /** While the store is replayed into an empty read DB: the head it goes to, events so far, their rate. */
  replay?: ReplayProgress;
}

export async function readModelHealth(runner: ProjectionRunner, store: EventStore): Promise<ReadModelHealth> {
  const status = runner.status();
  const position = status.position ?? null;
  let caughtUp: boolean | null;
  try {
    const head = await store.headPosition();
    caughtUp = head === undefined || (position !== null && position >= head);
  } catch {
    caughtUp = null;
  }
  return {
    position,
    failing: status.failing,
    ...(status.lastError === undefined ? {} : { lastError: status.lastError }),
    caughtUp,
    ...(status.replay === undefined ? {} : { replay: status.replay }),
  };
}
