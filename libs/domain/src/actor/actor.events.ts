import type { DomainEvent } from '../shared/decider.js';
import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { Source } from '../shared/source.js';
import type { ActorFields } from './actor.fields.js';

export type ActorRecorded = CreatedEvent<'ActorRecorded', ActorFields>;

export interface Merger {
  readonly into: string;
  readonly reason: string;
  readonly sources: readonly Source[];
}

export type ActorMerged = DomainEvent<'ActorMerged', { readonly recordId: string } & Merger>;

export type ActorEvent = ActorRecorded | ActorMerged | CommonRecordEvent<'ACTOR', ActorFields>;
