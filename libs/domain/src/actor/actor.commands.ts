import type { DomainCommand } from '../shared/decider.js';
import type { CreateCommand } from '../shared/record-decider.js';
import type { Source } from '../shared/source.js';
import type { ActorFields } from './actor.fields.js';

export type RecordActor = CreateCommand<'RecordActor', ActorFields>;

/**
 * Two actors found to be one: this one (`recordId`) is merged into `into`, which survives. The merged
 * actor's id keeps answering, with the surviving actor.
 */
export interface MergeActor extends DomainCommand<'MergeActor'> {
  readonly into: string;
  readonly reason: string;
  readonly sources?: readonly Source[] | null;
}

export type ActorCommand = RecordActor | MergeActor;
