import type { CountryInvolvement, IsoDay, RecordKind, StateOf } from '@tracker/domain';

/** A kind's live state: what the record is (or, when retracted, was). */
export type LiveOf<K extends RecordKind> = Extract<StateOf<K>, { readonly recordId: string }>;

/**
 * One record as the read model knows it, at a recording time (`asOf`) or now. `state` is the domain's
 * own state, folded by the domain's `evolve`; `live` is the record's content even when it is retracted
 * (audits still read it), and `retracted` says whether it counts in tallies.
 */
export interface RecordView<K extends RecordKind = RecordKind> {
  readonly id: string;
  readonly kind: K;
  readonly state: StateOf<K>;
  readonly live: LiveOf<K>;
  readonly retracted: boolean;
  readonly retractionReason?: string;
  readonly countries: readonly CountryInvolvement[];
  /** First and last day the occurrence may cover, for sorting and date ranges. */
  readonly occurredStart: IsoDay;
  readonly occurredEnd: IsoDay;
  /** Recording time of the creation, ISO 8601 (store clock). */
  readonly recordedAt: string;
  readonly recordedBy?: string;
  /** Recording time of the latest event seen (up to `asOf`). */
  readonly updatedAt: string;
  readonly updatedBy?: string;
  /** Position of the latest event seen: the record as projected up to there. */
  readonly position: string;
  /** 0-based revision of that event in the record's stream. */
  readonly revision: number;
  /** The recording time this view is as of (ISO 8601); absent for the current view. */
  readonly asOf?: string;
  /** The day derived answers (overdue, days detained) are computed for: the asOf day, or the clock's. */
  readonly today: IsoDay;
}

/** A view narrowed by its kind: `if (view.kind === 'COMMITMENT') view.live.implementation`. */
export type AnyRecordView = { [K in RecordKind]: RecordView<K> }[RecordKind];

export function isKind<K extends RecordKind>(
  view: AnyRecordView,
  kind: K,
): view is AnyRecordView & RecordView<K> {
  return view.kind === kind;
}
