import type { DomainEvent } from '../shared/decider.js';
import type { PartialDate } from '../shared/occurred.js';
import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { Source } from '../shared/source.js';
import type { ArrestFields, ArrestFigures } from './arrest.fields.js';

export type ArrestReported = CreatedEvent<'ArrestReported', ArrestFields>;

/**
 * Later figures as of `on`: each given figure replaces the previous one (they are running totals, not
 * increments); a figure not given keeps its value.
 */
export type ArrestFiguresUpdated = DomainEvent<
  'ArrestFiguresUpdated',
  { readonly recordId: string; readonly on: PartialDate; readonly sources: readonly Source[] } & ArrestFigures
>;

export type ArrestEvent = ArrestReported | ArrestFiguresUpdated | CommonRecordEvent<'ARREST', ArrestFields>;
