import { daysBetween, type IsoDay } from '../shared/occurred.js';
import { isLive } from '../shared/record-decider.js';
import type { DetentionState } from './detention.decider.js';

/** Are the persons in custody now? A retracted case is not counted. */
export function isInCustody(state: DetentionState): boolean {
  return isLive(state) && state.inCustody;
}

/**
 * Days in custody up to `today`, over every custody period (an open one counts to today). A day of
 * detention and release on the same day counts 0; the read model should compute the same from the
 * steps' `on` and `inCustody`.
 */
export function detentionDays(state: DetentionState, today: IsoDay): number {
  if (!isLive(state)) return 0;
  return state.custody.reduce(
    (sum, period) => sum + Math.max(0, daysBetween(period.from, period.to ?? today)),
    0,
  );
}
