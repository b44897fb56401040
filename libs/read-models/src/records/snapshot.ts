import type { IsoDay } from '@tracker/domain';
import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';

/**
 * When a query looks at the tracker: now, or as it stood at a past recording time (`asOf`, ISO 8601,
 * the store clock). `today` is the day derived answers (overdue, days detained) are computed for: what
 * the tracker would have answered then, so an "as of" view is the view it gave at that time.
 */
export interface Snapshot {
  readonly asOf?: string;
  readonly today: IsoDay;
}

export function snapshotAt(asOf: Date | string | null | undefined, clock: () => Date): Snapshot {
  const now = clock();
  if (asOf === undefined || asOf === null) return { today: utcDay(now) };
  const at = asOf instanceof Date ? asOf : new Date(asOf);
  if (Number.isNaN(at.getTime())) {
    throw new InvalidQueryArgumentError('asOf', `asOf must be an ISO 8601 date-time, not ${String(asOf)}`);
  }
  // A future asOf sees everything recorded so far, but no future day: nothing is overdue "yet".
  return { asOf: at.toISOString(), today: utcDay(at < now ? at : now) };
}

function utcDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}
