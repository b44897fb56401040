import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import type { ReportFigure } from './figure.commands.js';
import { FIGURE_CORRECTABLE_FIELDS, type FigureFields, parseFigureFields } from './figure.fields.js';

export interface ReportedFigure extends LiveRecord<FigureFields> {
  readonly status: 'reported';
}

export type FigureState = RecordState<ReportedFigure>;

export const figureDecider = recordDecider<
  'FIGURE',
  FigureFields,
  ReportedFigure,
  'ReportFigure',
  'FigureReported',
  never,
  never,
  ReportFigure
>({
  kind: 'FIGURE',
  createCommand: 'ReportFigure',
  createdEvent: 'FigureReported',
  commands: [],
  correctable: FIGURE_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) => parseFigureFields(input, context, current),
  born: (recordId, fields) => ({ status: 'reported', recordId, fields }),
  decide: (command: never) => command,
  evolve: (live) => live,
});
