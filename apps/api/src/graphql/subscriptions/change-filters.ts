import { parseCountryCode } from '@tracker/domain';
import { badUserInput } from '../common/input-validation.pipe.js';
import type { CommitmentStatusChange } from './commitment-status-change.type.js';
import type { RecordChange } from './record-change.type.js';

/** At most this many countries or kinds in one subscription's filter. */
const MAX_FILTER_ITEMS = 60;

/**
 * A subscription's `countries` argument as ISO codes (trimmed, upper case); refused as BAD_USER_INPUT,
 * naming the argument, when it is too long or a code is not ISO 3166-1 alpha-2.
 */
export function countryFilter(countries: readonly string[] | null | undefined): Set<string> | undefined {
  if (countries == null || countries.length === 0) return undefined;
  if (countries.length > MAX_FILTER_ITEMS) {
    throw badUserInput([{ field: 'countries', reasons: [`at most ${MAX_FILTER_ITEMS} countries`] }]);
  }
  const problems = countries.flatMap((code, i) => {
    try {
      parseCountryCode(code);
      return [];
    } catch {
      return [{ field: `countries[${i}]`, reasons: ['must be an ISO 3166-1 alpha-2 country code'] }];
    }
  });
  if (problems.length > 0) throw badUserInput(problems);
  return new Set(countries.map((code) => code.trim().toUpperCase()));
}

/**
 * A subscription's parsed filter, once per subscription: Mercurius calls the filter with the same
 * arguments object for every change, so it is parsed at subscribe time and looked up after.
 */
const parsedFilters = new WeakMap<object, Set<string> | undefined>();
function filterOf(args: object, wanted: readonly string[] | null | undefined): Set<string> | undefined {
  if (!parsedFilters.has(args)) parsedFilters.set(args, countryFilter(wanted));
  return parsedFilters.get(args);
}

/** Omitted or empty filters follow everything; otherwise a change must concern one listed country. */
function concerns(countries: readonly string[], args: { countries?: string[] | null }): boolean {
  const filter = filterOf(args, args.countries);
  return filter === undefined || countries.some((code) => filter.has(code));
}

export function recordChangeMatches(
  change: RecordChange,
  args: { countries?: string[] | null; kinds?: string[] | null },
): boolean {
  const kinds = args.kinds ?? [];
  return concerns(change.countries, args) && (kinds.length === 0 || kinds.includes(change.kind));
}

export function commitmentStatusChangeMatches(
  change: CommitmentStatusChange,
  args: { countries?: string[] | null },
): boolean {
  return concerns(change.countries, args);
}
