import type { DomainCommand } from '../shared/decider.js';
import type { PartialDate } from '../shared/occurred.js';
import type { CreateCommand } from '../shared/record-decider.js';
import type { Source } from '../shared/source.js';
import type { ArrestFields } from './arrest.fields.js';

export type ReportArrest = CreateCommand<'ReportArrest', ArrestFields>;

/** At least one figure; each at most the persons arrested. */
export interface UpdateArrestFigures extends DomainCommand<'UpdateArrestFigures'> {
  readonly on: PartialDate;
  readonly deported?: number | null;
  readonly prosecuted?: number | null;
  readonly sources: readonly Source[];
}

export type ArrestCommand = ReportArrest | UpdateArrestFigures;
