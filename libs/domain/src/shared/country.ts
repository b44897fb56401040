import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { InvalidCountryError, ValidationFailedError } from './errors.js';
import { at, parseEnum, parseObject } from './fields.js';

/** An ISO 3166-1 alpha-2 code, upper case, known to i18n-iso-countries (a maintained ISO list). */
export type CountryCode = string & { readonly __brand?: 'CountryCode' };

/**
 * Why a country is part of a record. Each kind says which roles it requires (see its fields file):
 * - HOST, PARTICIPANT: a meeting's host(s) and the other countries attending;
 * - SIGNATORY: a country bound by a commitment (each signatory gets its own implementation status);
 * - ACTING: the state that acts: creates a task force, arrests, detains, shuts down, speaks;
 * - NATIONALS_AFFECTED: a country whose nationals were arrested or trafficked;
 * - SCOPE: the country a figure (or an allegation) is about;
 * - MENTIONED: any other country the record concerns;
 * - HOME: the country an actor belongs to (a ministry's, an official's, a national NGO's).
 */
export const COUNTRY_ROLES = [
  'HOST',
  'PARTICIPANT',
  'SIGNATORY',
  'ACTING',
  'NATIONALS_AFFECTED',
  'SCOPE',
  'MENTIONED',
  'HOME',
] as const;
export type CountryRole = (typeof COUNTRY_ROLES)[number];

/** One country in one role. A country may appear several times in one record, once per role. */
export interface CountryInvolvement {
  readonly code: CountryCode;
  readonly role: CountryRole;
}

/**
 * Official or widely used languages of the countries this tracker is about, for their local names.
 * Languages the ISO library has no locale for (Lao, Burmese, Filipino) fall back to the CLDR names built
 * into Node's ICU (Intl.DisplayNames), which is also maintained upstream, so no name is hand-written.
 */
const LOCAL_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  BN: ['ms'],
  CN: ['zh'],
  HK: ['zh'],
  ID: ['id'],
  IN: ['hi'],
  JP: ['ja'],
  KH: ['km'],
  KR: ['ko'],
  LA: ['lo'],
  MM: ['my'],
  MO: ['zh', 'pt'],
  MY: ['ms'],
  PH: ['fil'],
  SG: ['zh', 'ms', 'ta'],
  TH: ['th'],
  TL: ['pt'],
  TW: ['zh'],
  VN: ['vi'],
};

// The package's Node entry registers every locale itself, but its browser entry (picked by some bundlers)
// registers none; registering what we need keeps names the same whichever entry loads. createRequire
// rather than `import ... with { type: 'json' }` because swc drops import attributes from its output.
const require = createRequire(import.meta.url);
const libraryLocales = new Set(countries.getSupportedLanguages());
for (const locale of new Set(['en', ...Object.values(LOCAL_LANGUAGES).flat()])) {
  if (libraryLocales.has(locale)) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as LocaleData);
  }
}

const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()));

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && ALPHA2.has(value);
}

/** Trims and upper-cases, then checks the code against the ISO list. */
export function parseCountryCode(value: unknown, field = 'country'): CountryCode {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : value;
  if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code) || !ALPHA2.has(code)) {
    throw new InvalidCountryError(
      `${field}: ${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 code`,
      field,
    );
  }
  return code;
}

export function parseCountryInvolvement(value: unknown, field: string): CountryInvolvement {
  const input = parseObject(value, field);
  return {
    code: parseCountryCode(input.code, at(field, 'code')),
    role: parseEnum(input.role, COUNTRY_ROLES, at(field, 'role')),
  };
}

/** At least `min` involvements, each (code, role) pair once; order kept. */
export function parseCountries(value: unknown, field = 'countries', min = 1): CountryInvolvement[] {
  if (!Array.isArray(value)) throw new ValidationFailedError(`${field} must be a list`, field);
  const seen = new Set<string>();
  const result: CountryInvolvement[] = [];
  value.forEach((item, i) => {
    const involvement = parseCountryInvolvement(item, `${field}[${i}]`);
    const key = `${involvement.code}:${involvement.role}`;
    if (!seen.has(key)) result.push(involvement);
    seen.add(key);
  });
  if (result.length < min) throw new ValidationFailedError(`${field} needs at least ${min} country`, field);
  return result;
}

/** The distinct codes that play `role` in a record. */
export function countriesWithRole(
  countries: readonly CountryInvolvement[],
  role: CountryRole,
): CountryCode[] {
  return [...new Set(countries.filter((c) => c.role === role).map((c) => c.code))];
}

/** Every distinct code of a record, whatever the role. */
export function countryCodes(countries: readonly CountryInvolvement[]): CountryCode[] {
  return [...new Set(countries.map((c) => c.code))];
}

export interface LocalName {
  /** BCP 47 language tag, e.g. `km`. */
  readonly locale: string;
  readonly name: string;
}

export interface CountryInfo {
  readonly code: CountryCode;
  readonly alpha3: string;
  /** English short name, e.g. `Cambodia`. */
  readonly name: string;
  /** Names in the country's own languages, e.g. `[{ locale: 'km', name: 'កម្ពុជា' }]`; may be empty. */
  readonly localNames: readonly LocalName[];
}

/** Names of a valid code (throws INVALID_COUNTRY otherwise). */
export function countryInfo(code: string): CountryInfo {
  const valid = parseCountryCode(code);
  return {
    code: valid,
    alpha3: countries.alpha2ToAlpha3(valid) ?? valid,
    name: countries.getName(valid, 'en') ?? valid,
    localNames: (LOCAL_LANGUAGES[valid] ?? []).flatMap((locale) => {
      const name = localName(valid, locale);
      return name === undefined ? [] : [{ locale, name }];
    }),
  };
}

function localName(code: string, locale: string): string | undefined {
  if (libraryLocales.has(locale)) return countries.getName(code, locale);
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}
