import { type CountryCode, type CountryInvolvement, parseCountryCode } from '../shared/country.js';
import type { DecisionContext } from '../shared/decider.js';
import { ValidationFailedError } from '../shared/errors.js';
import { at, parseCount, parseLabels, parseList, parseObject, parseOptionalLabel } from '../shared/fields.js';
import { BASE_FIELDS, parseRecordBase, type RecordBase, type RolePolicy } from '../shared/record.js';

/** How many of the persons arrested were nationals of `country`. */
export interface Nationality {
  readonly country: CountryCode;
  readonly count: number;
}

/**
 * An enforcement operation by one ACTING country. Each nationality is also listed in `countries` as
 * NATIONALS_AFFECTED (added when missing); a NATIONALS_AFFECTED country without a nationality entry means
 * "some of its nationals, count unknown".
 */
export interface ArrestFields extends RecordBase {
  readonly personsArrested: number;
  readonly nationalities: readonly Nationality[];
  readonly charges: readonly string[];
  readonly place?: string;
}

export const ARREST_ROLES: RolePolicy = {
  allowed: ['ACTING', 'NATIONALS_AFFECTED', 'MENTIONED'],
  required: [{ roles: ['ACTING'], min: 1, max: 1 }],
};

export const ARREST_CORRECTABLE_FIELDS = [
  ...BASE_FIELDS,
  'personsArrested',
  'nationalities',
  'charges',
  'place',
] as const;

/** Later figures: how many of the persons arrested were deported, prosecuted. */
export interface ArrestFigures {
  readonly deported?: number;
  readonly prosecuted?: number;
}

function parseNationality(value: unknown, field: string): Nationality {
  const input = parseObject(value, field);
  return {
    country: parseCountryCode(input.country, at(field, 'country')),
    count: parseCount(input.count, at(field, 'count'), 1),
  };
}

export function parseArrestFields(
  input: Readonly<Record<string, unknown>>,
  context: DecisionContext,
  figures: ArrestFigures = {},
): ArrestFields {
  const base = parseRecordBase(input, context, ARREST_ROLES);
  const personsArrested = parseCount(input.personsArrested, 'personsArrested', 1);
  const nationalities = parseList(input.nationalities, 'nationalities', parseNationality);
  const seen = new Set<string>();
  nationalities.forEach(({ country }, i) => {
    if (seen.has(country)) {
      throw new ValidationFailedError(`nationalities lists ${country} twice`, `nationalities[${i}].country`);
    }
    seen.add(country);
  });
  const counted = nationalities.reduce((sum, n) => sum + n.count, 0);
  if (counted > personsArrested) {
    throw new ValidationFailedError(
      `nationalities count ${counted} persons, more than the ${personsArrested} arrested`,
      'nationalities',
    );
  }
  for (const figure of ['deported', 'prosecuted'] as const) {
    const value = figures[figure];
    if (value !== undefined && value > personsArrested) {
      throw new ValidationFailedError(
        `personsArrested (${personsArrested}) is below the ${value} already reported ${figure}`,
        'personsArrested',
      );
    }
  }
  const countries: CountryInvolvement[] = [...base.countries];
  for (const { country } of nationalities) {
    if (!countries.some((c) => c.code === country && c.role === 'NATIONALS_AFFECTED')) {
      countries.push({ code: country, role: 'NATIONALS_AFFECTED' });
    }
  }
  const place = parseOptionalLabel(input.place, 'place');
  return {
    ...base,
    countries,
    personsArrested,
    nationalities,
    charges: parseLabels(input.charges, 'charges'),
    ...(place === undefined ? {} : { place }),
  };
}
