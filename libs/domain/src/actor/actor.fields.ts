import type { DecisionContext } from '../shared/decider.js';
import { ValidationFailedError } from '../shared/errors.js';
import { at, parseEnum, parseLabel, parseLabels, parseList, parseObject } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

/** What an actor is: an organisation of some sort, or a person in some capacity. */
export const ACTOR_TYPES = [
  'GOVERNMENT_BODY',
  'NGO',
  'INTERGOVERNMENTAL_BODY',
  'COMPANY',
  'MEDIA_OUTLET',
  'RESEARCH_BODY',
  'OFFICIAL',
  'JOURNALIST',
  'RIGHTS_DEFENDER',
  'PERSON',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Actors that speak for their state: a statement by one of them needs its country as the ACTING one. */
export const STATE_ACTOR_TYPES: readonly ActorType[] = ['GOVERNMENT_BODY', 'OFFICIAL'];

/** A name in one language and script: "Am Sam Ath" (en), "អំ សំអាត" (km). */
export interface ActorName {
  readonly value: string;
  /** BCP 47 language tag, with a script subtag where it matters: `km`, `zh-Hans`, `en`. */
  readonly language: string;
}

/**
 * An organisation or a person the tracker's records name: who speaks, claims, assesses, alleges or is
 * alleged against. `occurred` is when the cited source identified it; its one HOME country, if it has
 * one (a UN body has none).
 */
export interface ActorFields extends RecordBase {
  readonly actorType: ActorType;
  /** The name it is best known by, as the sources write it. */
  readonly name: string;
  /** Its name in other languages and scripts. */
  readonly names: readonly ActorName[];
  /** Other names it goes by: acronyms, former names, transliterations. */
  readonly aliases: readonly string[];
  /** "Operations director, Licadho"; "compliance firm". */
  readonly description?: string;
}

export const ACTOR_ROLES: RolePolicy = {
  allowed: ['HOME'],
  required: [{ roles: ['HOME'], min: 0, max: 1 }],
  minCountries: 0,
};

export const ACTOR_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'actorType',
  'name',
  'names',
  'aliases',
  'description',
] as const;

/** Most names and aliases one actor carries. */
const MAX_NAMES = 20;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

function parseName(value: unknown, field: string): ActorName {
  const input = parseObject(value, field);
  const language = input.language;
  if (typeof language !== 'string' || !LANGUAGE_TAG.test(language)) {
    throw new ValidationFailedError(
      `${at(field, 'language')} must be a BCP 47 language tag such as km, en or zh-Hans`,
      at(field, 'language'),
    );
  }
  return { value: parseLabel(input.value, at(field, 'value')), language };
}

export function parseActorFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
): ActorFields {
  const names = parseList(input.names, 'names', parseName);
  const aliases = parseLabels(input.aliases, 'aliases');
  if (names.length > MAX_NAMES) throw new ValidationFailedError(`names: at most ${MAX_NAMES}`, 'names');
  if (aliases.length > MAX_NAMES) throw new ValidationFailedError(`aliases: at most ${MAX_NAMES}`, 'aliases');
  const description =
    input.description === undefined || input.description === null
      ? undefined
      : parseLabel(input.description, 'description');
  return {
    ...parseRecordBase(input, context, ACTOR_ROLES),
    actorType: parseEnum(input.actorType, ACTOR_TYPES, 'actorType'),
    name: parseLabel(input.name, 'name'),
    names,
    aliases,
    ...(description === undefined ? {} : { description }),
  };
}
