/*
 * @tracker/domain: the tracker's record kinds as event-sourced deciders. Pure TypeScript: no Nest, no I/O;
 * ids and today's date are inputs. Start with `recordsDecider` (registry/records.decider.ts).
 */

// Shared building blocks
export * from './shared/errors.js';
export * from './shared/decider.js';
export * from './shared/country.js';
export * from './shared/occurred.js';
export * from './shared/source.js';
export * from './shared/confidence.js';
export * from './shared/record.js';
export * from './shared/record-commands.js';
export * from './shared/record-events.js';
export {
  type AbsentRecord,
  type CreateCommand,
  type CreatedEvent,
  isLive,
  isRetracted,
  type LiveRecord,
  type Nullable,
  type RecordState,
  type RetractedRecord,
} from './shared/record-decider.js';

// Record kinds
export * from './meeting/meeting.fields.js';
export * from './meeting/meeting.events.js';
export * from './meeting/meeting.commands.js';
export * from './meeting/meeting.decider.js';

export * from './commitment/implementation.js';
export * from './commitment/commitment.fields.js';
export * from './commitment/commitment.events.js';
export * from './commitment/commitment.commands.js';
export * from './commitment/commitment.decider.js';
export * from './commitment/commitment.views.js';

export * from './task-force/task-force.fields.js';
export * from './task-force/task-force.events.js';
export * from './task-force/task-force.commands.js';
export * from './task-force/task-force.decider.js';

export * from './arrest/arrest.fields.js';
export * from './arrest/arrest.events.js';
export * from './arrest/arrest.commands.js';
export * from './arrest/arrest.decider.js';

export * from './detention/detention-status.js';
export * from './detention/detention.fields.js';
export * from './detention/detention.events.js';
export * from './detention/detention.commands.js';
export * from './detention/detention.decider.js';
export * from './detention/detention.views.js';

export * from './shutdown/shutdown.fields.js';
export * from './shutdown/shutdown.events.js';
export * from './shutdown/shutdown.commands.js';
export * from './shutdown/shutdown.decider.js';

export * from './figure/figure.fields.js';
export * from './figure/figure.events.js';
export * from './figure/figure.commands.js';
export * from './figure/figure.decider.js';

export * from './statement/statement.fields.js';
export * from './statement/statement.events.js';
export * from './statement/statement.commands.js';
export * from './statement/statement.decider.js';
export * from './actor/actor.fields.js';
export * from './actor/actor.events.js';
export * from './actor/actor.commands.js';
export * from './actor/actor.decider.js';
export * from './allegation/allegation-status.js';
export * from './allegation/allegation.fields.js';
export * from './allegation/allegation.events.js';
export * from './allegation/allegation.commands.js';
export * from './allegation/allegation.decider.js';

// One path for every kind
export * from './registry/record-types.js';
export * from './registry/correctable-fields.js';
export * from './registry/record-registry.js';
export * from './registry/record-stream.js';
export * from './registry/decode-event.js';
export * from './registry/records.decider.js';
