import type { DomainEvent } from '../shared/decider.js';
import type { PartialDate } from '../shared/occurred.js';
import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { Source } from '../shared/source.js';
import type { DetentionNoteCategory, DetentionStatus } from './detention-status.js';
import type { DetentionFields, Sentence } from './detention.fields.js';

/** The persons are DETAINED and in custody from the start of `occurred`. */
export type JournalistDetained = CreatedEvent<'JournalistDetained', DetentionFields>;

/**
 * What every lifecycle step carries: when, citing what, the status it leads to, and whether the persons
 * are in custody after it, so a read model counts "currently detained" and detention days without
 * re-deriving the lifecycle.
 */
export interface DetentionStep {
  readonly recordId: string;
  readonly on: PartialDate;
  readonly sources: readonly Source[];
  readonly status: DetentionStatus;
  readonly inCustody: boolean;
}

/** `charges`: the charges laid by this step; the record's charges are the union. */
export type DetentionCharged = DomainEvent<
  'DetentionCharged',
  DetentionStep & { readonly charges: readonly string[] }
>;
export type DetentionReleasedOnBail = DomainEvent<
  'DetentionReleasedOnBail',
  DetentionStep & { readonly conditions?: string }
>;
export type DetentionReleased = DomainEvent<
  'DetentionReleased',
  DetentionStep & { readonly reason?: string }
>;
export type DetentionConvicted = DomainEvent<
  'DetentionConvicted',
  DetentionStep & { readonly sentence: Sentence }
>;
export type DetentionAcquitted = DomainEvent<'DetentionAcquitted', DetentionStep>;
export type DetentionChargesDropped = DomainEvent<'DetentionChargesDropped', DetentionStep>;

export interface DetentionNote {
  readonly on: PartialDate;
  readonly category: DetentionNoteCategory;
  readonly note: string;
  readonly sources: readonly Source[];
}

/** A note changes no status, e.g. the journalists' published apology. */
export type DetentionNoteAdded = DomainEvent<
  'DetentionNoteAdded',
  { readonly recordId: string } & DetentionNote
>;

export type DetentionStepEvent =
  | DetentionCharged
  | DetentionReleasedOnBail
  | DetentionReleased
  | DetentionConvicted
  | DetentionAcquitted
  | DetentionChargesDropped;

export type DetentionEvent =
  | JournalistDetained
  | DetentionStepEvent
  | DetentionNoteAdded
  | CommonRecordEvent<'DETENTION', DetentionFields>;
