import { daysBetween, endDay, type IsoDay, startDay } from '../shared/occurred.js';
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

/** Days in custody as far as the dates allow: exact when every date is known to the day. */
export interface DetentionDaysRange {
  readonly min: number;
  readonly max: number;
  /** min < max: a date is known only to the month or year (or as a range), so the count is approximate. */
  readonly approximate: boolean;
}

/**
 * Days in custody up to `today` when the detention's own date is known only to the month or year (or as
 * a range): custody began somewhere between the first and the last day that date allows, so the count
 * lies between the two. `detentionDays` is the upper bound (custody from the earliest day).
 */
export function detentionDaysRange(state: DetentionState, today: IsoDay): DetentionDaysRange {
  const max = detentionDays(state, today);
  if (!isLive(state)) return { min: 0, max: 0, approximate: false };
  const { occurred } = state.fields;
  const earliest = startDay(occurred);
  const latest = endDay(occurred);
  let min = 0;
  for (const period of state.custody) {
    const end = period.to ?? today;
    // Only the custody that began with the detention starts at an uncertain day.
    const from = period.from === earliest && latest > earliest ? latest : period.from;
    min += Math.max(0, daysBetween(from < end ? from : end, end));
  }
  return { min, max, approximate: min !== max };
}

/** The last day the case was reported on: its latest dated step, or when it began. */
export function lastReportedDay(state: DetentionState): IsoDay | undefined {
  if (!isLive(state)) return undefined;
  return state.lastStepDay ?? startDay(state.fields.occurred);
}
