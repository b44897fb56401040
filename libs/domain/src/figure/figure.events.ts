import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { FigureFields } from './figure.fields.js';

/**
 * A disputed figure gets no event of its own (that would write two streams in one command): a read
 * model finds its disputers through their `disputes` field.
 */
export type FigureReported = CreatedEvent<'FigureReported', FigureFields>;

export type FigureEvent = FigureReported | CommonRecordEvent<'FIGURE', FigureFields>;
