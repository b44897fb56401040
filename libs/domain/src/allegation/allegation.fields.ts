import type { DecisionContext } from '../shared/decider.js';
import { InvalidReferenceError, ValidationFailedError } from '../shared/errors.js';
import { parseId, parseList, parseText } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';
import { requireActor } from '../shared/references.js';

/**
 * Who alleges what about whom: "Elliptic alleges that Huione Group operates the largest illicit online
 * marketplace ever identified". Its SCOPE is the country the allegation concerns, where there is one.
 */
export interface AllegationFields extends RecordBase {
  /** The ACTOR who alleges it. */
  readonly allegedBy: string;
  /** The ACTORs it is about: at least one. */
  readonly about: readonly string[];
  /** What is alleged, as the sources put it. */
  readonly claim: string;
}

export const ALLEGATION_ROLES: RolePolicy = {
  allowed: ['SCOPE', 'MENTIONED'],
  required: [],
  minCountries: 0,
};

export const ALLEGATION_CORRECTABLE_FIELDS = [...BASE_FIELDS, 'allegedBy', 'about', 'claim'] as const;

/** Most actors one allegation is about. */
const MAX_ABOUT = 20;

export function parseAllegationFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  current?: { readonly fields: AllegationFields },
): AllegationFields {
  const allegedBy = parseId(input.allegedBy, 'allegedBy');
  const about = [...new Set(parseList(input.about, 'about', parseId, 1))];
  if (about.length > MAX_ABOUT)
    throw new ValidationFailedError(`about: at most ${MAX_ABOUT} actors`, 'about');
  if (about.includes(allegedBy)) {
    throw new InvalidReferenceError('about: an actor does not make an allegation about itself', 'about');
  }
  // References a correction leaves as they were need no new look-up (they may have been merged since).
  if (allegedBy !== current?.fields.allegedBy) requireActor(context, allegedBy, 'allegedBy');
  about.forEach((id, i) => {
    if (!current?.fields.about.includes(id)) requireActor(context, id, `about[${i}]`);
  });
  return {
    ...parseRecordBase(input, context, ALLEGATION_ROLES),
    allegedBy,
    about,
    claim: parseText(input.claim, 'claim'),
  };
}
