import type { CreateCommand } from '../shared/record-decider.js';
import type { FigureFields } from './figure.fields.js';

/** `qualifier` defaults to EXACT; `disputes` must be in the context's records (see `referencedRecordIds`). */
export type ReportFigure = CreateCommand<'ReportFigure', Omit<FigureFields, 'qualifier'>> & {
  readonly qualifier?: FigureFields['qualifier'] | null;
};

export type FigureCommand = ReportFigure;
