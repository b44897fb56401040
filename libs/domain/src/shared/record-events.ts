import type { DomainEvent } from './decider.js';
import type { RecordKind } from './record.js';

/*
 * Events every kind shares. Their data names the kind, so a projection reading $all can route them
 * without having seen the record's creation event.
 */

/** A correction's new values; `null` means an optional field was cleared. */
export type FieldChanges<F> = { readonly [K in keyof F]?: F[K] | null };

/**
 * Some fields were wrong. `changes` holds only the fields that changed, with their new (validated,
 * normalised) values; `null` clears an optional field.
 */
export type RecordCorrected<K extends RecordKind, F> = DomainEvent<
  'RecordCorrected',
  { readonly recordId: string; readonly kind: K; readonly changes: FieldChanges<F>; readonly reason: string }
>;

/** The record should not have been made. It stays readable to audits and leaves every tally. */
export type RecordRetracted<K extends RecordKind> = DomainEvent<
  'RecordRetracted',
  { readonly recordId: string; readonly kind: K; readonly reason: string }
>;

/**
 * The retraction itself was wrong. `reinstated: true` undoes it (the record is back as it was);
 * otherwise the record stays retracted and `retractionReason` replaces the retraction's reason.
 */
export type RetractionCorrected<K extends RecordKind> = DomainEvent<
  'RetractionCorrected',
  {
    readonly recordId: string;
    readonly kind: K;
    readonly reason: string;
    readonly reinstated: boolean;
    readonly retractionReason?: string;
  }
>;

export type CommonRecordEvent<K extends RecordKind, F> =
  RecordCorrected<K, F> | RecordRetracted<K> | RetractionCorrected<K>;

export const COMMON_EVENT_TYPES = ['RecordCorrected', 'RecordRetracted', 'RetractionCorrected'] as const;
