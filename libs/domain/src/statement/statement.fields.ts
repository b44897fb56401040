import type { DecisionContext } from '../shared/decider.js';
import { STATE_ACTOR_TYPES, type ActorType } from '../actor/actor.fields.js';
import { parseLabel, parseOptionalId, parseOptionalLabel, parseText } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';
import { requireActor } from '../shared/references.js';

/**
 * A statement or speech; its date is `occurred`. A state's (an official's, a ministry's) names its one
 * ACTING country; a non-state speaker's (an NGO, a UN body, a company, a journalist: `speakerId` an actor
 * of that type) needs none.
 */
export interface StatementFields extends RecordBase {
  /** The speaker's name as the sources give it. */
  readonly speaker: string;
  /** The speaker as an ACTOR record, when there is one. */
  readonly speakerId?: string;
  /** "Prime Minister of Cambodia". */
  readonly office: string;
  /** Verbatim (or as translated by the source). */
  readonly quote: string;
  readonly venue?: string;
}

export const STATEMENT_ROLES: RolePolicy = {
  allowed: ['ACTING', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1, max: 1 }],
};

/** A non-state speaker's statement: an ACTING country only if the statement is about one's action. */
const NON_STATE_STATEMENT_ROLES: RolePolicy = {
  allowed: ['ACTING', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 0, max: 1 }],
};

export const STATEMENT_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'speaker',
  'speakerId',
  'office',
  'quote',
  'venue',
] as const;

export function parseStatementFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  current?: { readonly fields: StatementFields },
): StatementFields {
  const venue = parseOptionalLabel(input.venue, 'venue');
  const speakerId = parseOptionalId(input.speakerId, 'speakerId');
  let roles = STATEMENT_ROLES;
  if (speakerId !== undefined) {
    const unchanged = speakerId === current?.fields.speakerId;
    const speaker = unchanged
      ? context.records.get(speakerId)
      : requireActor(context, speakerId, 'speakerId');
    const actorType = speaker?.actorType as ActorType | undefined;
    const stateSpeaker = actorType === undefined || STATE_ACTOR_TYPES.includes(actorType);
    // A correction that leaves the speaker as it was keeps the rule it was recorded under.
    if (!stateSpeaker || (unchanged && current !== undefined && !hasActing(current.fields)))
      roles = NON_STATE_STATEMENT_ROLES;
  }
  return {
    ...parseRecordBase(input, context, roles),
    speaker: parseLabel(input.speaker, 'speaker'),
    ...(speakerId === undefined ? {} : { speakerId }),
    office: parseLabel(input.office, 'office'),
    quote: parseText(input.quote, 'quote'),
    ...(venue === undefined ? {} : { venue }),
  };
}

function hasActing(fields: StatementFields): boolean {
  return fields.countries.some((country) => country.role === 'ACTING');
}
