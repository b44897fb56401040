import { ACTOR_CORRECTABLE_FIELDS } from '../actor/actor.fields.js';
import { ALLEGATION_CORRECTABLE_FIELDS } from '../allegation/allegation.fields.js';
import { ARREST_CORRECTABLE_FIELDS } from '../arrest/arrest.fields.js';
import { COMMITMENT_CORRECTABLE_FIELDS } from '../commitment/commitment.fields.js';
import { DETENTION_CORRECTABLE_FIELDS } from '../detention/detention.fields.js';
import { FIGURE_CORRECTABLE_FIELDS } from '../figure/figure.fields.js';
import { MEETING_CORRECTABLE_FIELDS } from '../meeting/meeting.fields.js';
import type { RecordKind } from '../shared/record.js';
import { SHUTDOWN_CORRECTABLE_FIELDS } from '../shutdown/shutdown.fields.js';
import { STATEMENT_CORRECTABLE_FIELDS } from '../statement/statement.fields.js';
import { TASK_FORCE_CORRECTABLE_FIELDS } from '../task-force/task-force.fields.js';

/**
 * Each kind's fields a correction may change: those every record has, then the kind's own. What the
 * corrections input offers and what a CSV row's columns are, both derived from here.
 */
export const CORRECTABLE_FIELDS = {
  MEETING: MEETING_CORRECTABLE_FIELDS,
  COMMITMENT: COMMITMENT_CORRECTABLE_FIELDS,
  TASK_FORCE: TASK_FORCE_CORRECTABLE_FIELDS,
  ARREST: ARREST_CORRECTABLE_FIELDS,
  DETENTION: DETENTION_CORRECTABLE_FIELDS,
  SHUTDOWN: SHUTDOWN_CORRECTABLE_FIELDS,
  FIGURE: FIGURE_CORRECTABLE_FIELDS,
  STATEMENT: STATEMENT_CORRECTABLE_FIELDS,
  ACTOR: ACTOR_CORRECTABLE_FIELDS,
  ALLEGATION: ALLEGATION_CORRECTABLE_FIELDS,
} as const satisfies { readonly [K in RecordKind]: readonly string[] };
