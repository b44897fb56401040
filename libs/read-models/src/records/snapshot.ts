import type { IsoDay } from '@tracker/domain';
import { InvalidQueryArgumentError } from '../errors/read-model-errors.js';

/**
 * When a query looks at the tracker: now, or as it stood at a past recording time (`asOf`, ISO 8601,
 * the store clock). `today` is the day derived answers (overdue, days detained) are computed for: what
 * the tracker would have answered then, so an "as of" view is the view it gave at that time.
 *
 * An "as of" snapshot is resolved to `seq`: the last event the read model had applied by that recording
 * time (record_history numbers events in store order). Every versioned row read for it is the one that
 * held at `seq`.
 */
export interface Snapshot {
  readonly asOf?: string;
  readonly today: IsoDay;
  /** As of: the last event seen (0 when nothing was recorded yet). Absent for now. */
  readonly seq?: number;
  /** As of: the latest day any record had occurred on by then; no row valid at `seq` sorts after it. */
  readonly bound?: IsoDay;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function snapshotAt(asOf: Date | string | null | undefined, clock: () => Date): Snapshot {
  const now = clock();
  if (asOf === undefined || asOf === null) return { today: utcDay(now) };
  const at = asOf instanceof Date ? asOf : new Date(asOf);
  if (Number.isNaN(at.getTime()) || (typeof asOf === 'string' && !RFC3339.test(asOf))) {
    throw new InvalidQueryArgumentError('asOf', `asOf must be an ISO 8601 date-time, not ${String(asOf)}`);
  }
  // A future asOf sees everything recorded so far, but no future day: nothing is overdue "yet".
  return { asOf: at.toISOString(), today: utcDay(at < now ? at : now) };
}

function utcDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}
