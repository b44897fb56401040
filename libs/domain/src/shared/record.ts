import { type Confidence, parseConfidence } from './confidence.js';
import { type CountryInvolvement, type CountryRole, countriesWithRole, parseCountries } from './country.js';
import { InvalidCountryError } from './errors.js';
import type { DecisionContext } from './decider.js';
import { type Occurred, parseOccurred } from './occurred.js';
import { parseSources, type Source } from './source.js';

export { RECORD_KINDS, type RecordKind } from './record-kind.js';

/** What every record carries besides its id and kind (which are in its events). */
export interface RecordBase {
  /** Every country involved, each in a role; at least one, except for kinds that say otherwise (actors). */
  readonly countries: readonly CountryInvolvement[];
  readonly occurred: Occurred;
  /** At least one. */
  readonly sources: readonly Source[];
  readonly confidence: Confidence;
}

/** The base fields every correction may change. */
export const BASE_FIELDS = ['countries', 'occurred', 'sources', 'confidence'] as const;

/** Which roles a kind accepts, and how many countries each required role needs. */
export interface RolePolicy {
  readonly allowed: readonly CountryRole[];
  /** Roles that must be present, with their bounds (`max` undefined: no limit). */
  readonly required: readonly {
    readonly roles: readonly CountryRole[];
    readonly min: number;
    readonly max?: number;
  }[];
  /** Fewest countries a record of the kind names. @defaultValue 1 */
  readonly minCountries?: number;
}

/** Parses the fields shared by every kind; `occurred` may not start after `context.today`. */
export function parseRecordBase(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  policy: RolePolicy,
): RecordBase {
  const countries = parseCountries(input.countries, 'countries', policy.minCountries ?? 1);
  checkRoles(countries, policy);
  return {
    countries,
    occurred: parseOccurred(input.occurred, 'occurred', context.today),
    // A publisher may be named by id here; the record decider checks it is an actor (checkPublishers).
    sources: parseSources(input.sources, 'sources', { publisherIds: true }),
    confidence: parseConfidence(input.confidence, 'confidence'),
  };
}

export function checkRoles(countries: readonly CountryInvolvement[], policy: RolePolicy): void {
  countries.forEach((country, i) => {
    if (!policy.allowed.includes(country.role)) {
      const field = `countries[${i}].role`;
      throw new InvalidCountryError(
        `${field}: ${country.role} is not a role here (allowed: ${policy.allowed.join(', ')})`,
        field,
      );
    }
  });
  for (const { roles, min, max } of policy.required) {
    const count = new Set(roles.flatMap((role) => countriesWithRole(countries, role))).size;
    if (count < min || (max !== undefined && count > max)) {
      const bounds =
        max === min ? `exactly ${min}` : max === undefined ? `at least ${min}` : `${min} to ${max}`;
      throw new InvalidCountryError(
        `countries: needs ${bounds} country in role ${roles.join(' or ')}`,
        'countries',
      );
    }
  }
}
