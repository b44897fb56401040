import type { DecisionContext } from '../shared/decider.js';
import { InvalidReferenceError, InvalidTransitionError } from '../shared/errors.js';
import { parseId, parseText } from '../shared/fields.js';
import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { requireActor } from '../shared/references.js';
import { parseSource } from '../shared/source.js';
import type { MergeActor } from './actor.commands.js';
import type { ActorMerged, Merger } from './actor.events.js';
import { ACTOR_CORRECTABLE_FIELDS, type ActorFields, parseActorFields } from './actor.fields.js';

export interface RecordedActor extends LiveRecord<ActorFields> {
  readonly status: 'recorded';
}

/** Merged into another actor: kept (nothing is deleted), answered as the surviving one. */
export interface MergedActor extends LiveRecord<ActorFields> {
  readonly status: 'merged';
  readonly merger: Merger;
}

export type ActorLive = RecordedActor | MergedActor;
export type ActorState = RecordState<ActorLive>;

function merge(command: MergeActor, live: ActorLive, context: DecisionContext): ActorMerged[] {
  if (live.status === 'merged') {
    throw new InvalidTransitionError(
      `actor ${live.recordId} was already merged into ${live.merger.into}`,
      'recordId',
    );
  }
  const into = parseId(command.into, 'into');
  if (into === live.recordId)
    throw new InvalidReferenceError('an actor cannot be merged into itself', 'into');
  requireActor(context, into, 'into');
  const sources = Array.isArray(command.sources)
    ? command.sources.map((source, i) => parseSource(source, `sources[${i}]`))
    : [];
  return [
    {
      type: 'ActorMerged',
      data: { recordId: live.recordId, into, reason: parseText(command.reason, 'reason'), sources },
    },
  ];
}

export const actorDecider = recordDecider<
  'ACTOR',
  ActorFields,
  ActorLive,
  'RecordActor',
  'ActorRecorded',
  MergeActor,
  ActorMerged
>({
  kind: 'ACTOR',
  createCommand: 'RecordActor',
  createdEvent: 'ActorRecorded',
  commands: ['MergeActor'],
  correctable: ACTOR_CORRECTABLE_FIELDS,
  parseFields: (input, context) => parseActorFields(input, context),
  born: (recordId, fields) => ({ status: 'recorded', recordId, fields }),
  decide: merge,
  evolve: (live, event) => {
    const { recordId: _recordId, ...merger } = event.data;
    return { status: 'merged', recordId: live.recordId, fields: live.fields, merger };
  },
});
