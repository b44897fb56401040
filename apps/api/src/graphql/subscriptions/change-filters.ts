import { parseCountryCode } from '@tracker/domain';
import { badUserInput } from '@tracker/mutation-inputs';
import type { ReadQueries } from '@tracker/read-models';

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

/** At most this many actors in one subscription's filter. */
export const MAX_FILTER_ACTORS = 20;

/**
 * A subscription's `actors` argument as the actors' surviving ids (a merged actor's changes are filed
 * under the one it was merged into); BAD_USER_INPUT when too long, NOT_FOUND for an id that is no actor.
 */
export function actorFilter(
  actors: readonly string[] | null | undefined,
  reads: Pick<ReadQueries, 'actor'>,
): Set<string> | undefined {
  if (actors == null || actors.length === 0) return undefined;
  if (actors.length > MAX_FILTER_ACTORS) {
    throw badUserInput([{ field: 'actors', reasons: [`at most ${MAX_FILTER_ACTORS} actors`] }]);
  }
  return new Set(actors.map((id) => reads.actor(id).id));
}
