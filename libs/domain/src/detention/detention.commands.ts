import type { DomainCommand } from '../shared/decider.js';
import type { PartialDate } from '../shared/occurred.js';
import type { CreateCommand } from '../shared/record-decider.js';
import type { Source } from '../shared/source.js';
import type { DetentionNoteCategory } from './detention-status.js';
import type { DetentionFields, Sentence } from './detention.fields.js';

/** `sentence` must be absent: it comes with ConvictDetention. */
export type ReportDetention = CreateCommand<'ReportDetention', DetentionFields>;

/** Every step: `on` not before the previous step, not after today; at least one source. */
interface DetentionStepCommand<T extends string> extends DomainCommand<T> {
  readonly on: PartialDate;
  readonly sources: readonly Source[];
}

export interface ChargeDetention extends DetentionStepCommand<'ChargeDetention'> {
  readonly charges: readonly string[];
}
export interface ReleaseDetentionOnBail extends DetentionStepCommand<'ReleaseDetentionOnBail'> {
  readonly conditions?: string | null;
}
export interface ReleaseDetention extends DetentionStepCommand<'ReleaseDetention'> {
  readonly reason?: string | null;
}
export interface ConvictDetention extends DetentionStepCommand<'ConvictDetention'> {
  readonly sentence: Sentence;
}
export type AcquitDetention = DetentionStepCommand<'AcquitDetention'>;
export type DropDetentionCharges = DetentionStepCommand<'DropDetentionCharges'>;

export interface AddDetentionNote extends DomainCommand<'AddDetentionNote'> {
  readonly on: PartialDate;
  readonly category: DetentionNoteCategory;
  readonly note: string;
  readonly sources: readonly Source[];
}

export type DetentionCommand =
  | ReportDetention
  | ChargeDetention
  | ReleaseDetentionOnBail
  | ReleaseDetention
  | ConvictDetention
  | AcquitDetention
  | DropDetentionCharges
  | AddDetentionNote;
