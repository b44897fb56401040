import { type CountryCode, parseCountryCode } from '../shared/country.js';
import type { DecisionContext } from '../shared/decider.js';
import { SentenceRequiredError, ValidationFailedError } from '../shared/errors.js';
import {
  at,
  isAbsent,
  parseBoolean,
  parseEnum,
  parseLabel,
  parseLabels,
  parseList,
  parseObject,
  parseOptionalCount,
  parseOptionalId,
  parseOptionalLabel,
  parseText,
} from '../shared/fields.js';
import { requireActor } from '../shared/references.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

export const PERSON_ROLES = ['JOURNALIST', 'MEDIA_WORKER', 'HUMAN_RIGHTS_DEFENDER', 'OTHER'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface DetainedPerson {
  readonly name: string;
  readonly role: PersonRole;
  readonly nationality?: CountryCode;
  /** The person as an ACTOR record, when there is one. */
  readonly actorId?: string;
}

export interface Sentence {
  /** As reported: "two years in prison, suspended", "fine of 4 million riel". */
  readonly description: string;
  /** Does it keep the person in custody (prison, not suspended)? Drives "currently detained". */
  readonly custodial: boolean;
  readonly months?: number;
}

/**
 * Journalists or human-rights defenders detained together, by one ACTING country. `charges` grows with
 * each DetentionCharged; `sentence` is set by DetentionConvicted (never at creation).
 */
export interface DetentionFields extends RecordBase {
  /** At least one. */
  readonly persons: readonly DetainedPerson[];
  readonly outlet?: string;
  /** The outlet as an ACTOR record, when there is one. */
  readonly outletId?: string;
  /** Why they were detained, as reported: "filming a raid on a scam compound". */
  readonly reason: string;
  readonly charges: readonly string[];
  readonly sentence?: Sentence;
}

export const DETENTION_ROLES: RolePolicy = {
  allowed: ['ACTING', 'NATIONALS_AFFECTED', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1, max: 1 }],
};

export const DETENTION_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'persons',
  'outlet',
  'outletId',
  'reason',
  'charges',
  'sentence',
] as const;

function parsePerson(
  value: unknown,
  field: string,
  context: DecisionContext,
  held: ReadonlySet<string | undefined>,
): DetainedPerson {
  const input = parseObject(value, field);
  const actorId = parseOptionalId(input.actorId, at(field, 'actorId'));
  // A correction leaving a person's actor as it was needs no new look-up.
  if (actorId !== undefined && !held.has(actorId)) requireActor(context, actorId, at(field, 'actorId'));
  const nationality = isAbsent(input.nationality)
    ? undefined
    : parseCountryCode(input.nationality, at(field, 'nationality'));
  return {
    name: parseLabel(input.name, at(field, 'name')),
    role: parseEnum(input.role, PERSON_ROLES, at(field, 'role')),
    ...(nationality === undefined ? {} : { nationality }),
    ...(actorId === undefined ? {} : { actorId }),
  };
}

/** A conviction carries a sentence: a missing or empty one is SENTENCE_REQUIRED. */
export function parseSentence(value: unknown, field = 'sentence'): Sentence {
  if (isAbsent(value)) throw new SentenceRequiredError('a conviction requires a sentence', field);
  const input = parseObject(value, field);
  if (
    isAbsent(input.description) ||
    (typeof input.description === 'string' && input.description.trim() === '')
  ) {
    throw new SentenceRequiredError('a sentence needs a description', at(field, 'description'));
  }
  const months = parseOptionalCount(input.months, at(field, 'months'));
  return {
    description: parseText(input.description, at(field, 'description')),
    custodial: parseBoolean(input.custodial, at(field, 'custodial')),
    ...(months === undefined ? {} : { months }),
  };
}

/** `convicted`: whether the record has been convicted, so a correction must keep (not add) a sentence. */
export function parseDetentionFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  convicted = false,
  current?: { readonly fields: DetentionFields },
): DetentionFields {
  const base = parseRecordBase(input, context, DETENTION_ROLES);
  const outlet = parseOptionalLabel(input.outlet, 'outlet');
  const outletId = parseOptionalId(input.outletId, 'outletId');
  if (outletId !== undefined && outletId !== current?.fields.outletId)
    requireActor(context, outletId, 'outletId');
  let sentence: Sentence | undefined;
  if (convicted) sentence = parseSentence(input.sentence);
  else if (!isAbsent(input.sentence)) {
    throw new ValidationFailedError('a sentence comes with a conviction (ConvictDetention)', 'sentence');
  }
  return {
    ...base,
    persons: parseList(
      input.persons,
      'persons',
      (item, field) =>
        parsePerson(item, field, context, new Set(current?.fields.persons.map((person) => person.actorId))),
      1,
    ),
    ...(outlet === undefined ? {} : { outlet }),
    ...(outletId === undefined ? {} : { outletId }),
    reason: parseText(input.reason, 'reason'),
    charges: parseLabels(input.charges, 'charges'),
    ...(sentence === undefined ? {} : { sentence }),
  };
}
