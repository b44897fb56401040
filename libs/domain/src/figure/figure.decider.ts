import type { RecordState } from '../shared/record-decider.js';
import { settledRecordDecider, type SettledRecord } from '../shared/settled-record-decider.js';
import type { ReportFigure } from './figure.commands.js';
import { FIGURE_CORRECTABLE_FIELDS, type FigureFields, parseFigureFields } from './figure.fields.js';

export type ReportedFigure = SettledRecord<FigureFields, 'reported'>;

export type FigureState = RecordState<ReportedFigure>;

export const figureDecider = settledRecordDecider<
  'FIGURE',
  FigureFields,
  'reported',
  'ReportFigure',
  'FigureReported',
  ReportFigure
>({
  kind: 'FIGURE',
  createCommand: 'ReportFigure',
  createdEvent: 'FigureReported',
  status: 'reported',
  correctable: FIGURE_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) => parseFigureFields(input, context, current),
});
