import type { DecisionContext } from '../shared/decider.js';
import { ValidationFailedError } from '../shared/errors.js';
import { parseOptionalCount } from '../shared/fields.js';
import { type PartialDate, parseStepDate, partialStartDay, startDay } from '../shared/occurred.js';
import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { parseSources } from '../shared/source.js';
import type { UpdateArrestFigures } from './arrest.commands.js';
import type { ArrestFiguresUpdated } from './arrest.events.js';
import {
  ARREST_CORRECTABLE_FIELDS,
  type ArrestFields,
  type ArrestFigures,
  parseArrestFields,
} from './arrest.fields.js';

export interface ReportedArrest extends LiveRecord<ArrestFields> {
  readonly status: 'reported';
  /** The latest later figures, and the date they are as of. */
  readonly figures: ArrestFigures & { readonly on?: PartialDate };
}

export type ArrestState = RecordState<ReportedArrest>;

function updateFigures(
  command: UpdateArrestFigures,
  live: ReportedArrest,
  context: DecisionContext,
): ArrestFiguresUpdated[] {
  const on = parseStepDate(command.on, 'on', startDay(live.fields.occurred), context.today);
  const figures: { deported?: number; prosecuted?: number } = {};
  for (const figure of ['deported', 'prosecuted'] as const) {
    const value = parseOptionalCount(command[figure], figure);
    if (value === undefined) continue;
    if (value > live.fields.personsArrested) {
      throw new ValidationFailedError(
        `${figure} (${value}) exceeds the ${live.fields.personsArrested} persons arrested`,
        figure,
      );
    }
    figures[figure] = value;
  }
  if (Object.keys(figures).length === 0) {
    throw new ValidationFailedError('give at least one figure: deported or prosecuted', 'deported');
  }
  const sources = parseSources(command.sources, 'sources');
  return [{ type: 'ArrestFiguresUpdated', data: { recordId: live.recordId, on, ...figures, sources } }];
}

export const arrestDecider = recordDecider<
  'ARREST',
  ArrestFields,
  ReportedArrest,
  'ReportArrest',
  'ArrestReported',
  UpdateArrestFigures,
  ArrestFiguresUpdated
>({
  kind: 'ARREST',
  createCommand: 'ReportArrest',
  createdEvent: 'ArrestReported',
  commands: ['UpdateArrestFigures'],
  correctable: ARREST_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) => parseArrestFields(input, context, current?.figures),
  born: (recordId, fields) => ({ status: 'reported', recordId, fields, figures: {} }),
  decide: updateFigures,
  evolve: (live, event) => {
    const { recordId: _recordId, sources: _sources, ...figures } = event.data;
    return { ...live, figures: { ...live.figures, ...figures }, lastStepDay: partialStartDay(figures.on) };
  },
});
