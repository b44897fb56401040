import { splitList } from '@tracker/exchange';
import { InvalidQueryArgumentError } from '@tracker/read-models';

/**
 * A query-string parameter as Fastify parses it: given once, a string; given more than once, an array.
 * Addresses are typed, bookmarked, edited and built by forms, so both forms must get a meaningful answer,
 * never a server error. Each refusal is an InvalidQueryArgumentError that names the parameter.
 */
export type QueryValue = string | string[] | undefined;

/** The one value of `parameter`, or undefined when it is absent or empty. */
export function singleValue(parameter: string, value: QueryValue): string | undefined {
  if (Array.isArray(value)) {
    throw new InvalidQueryArgumentError(parameter, `${parameter} is given more than once; give it once`);
  }
  return value === undefined || value === '' ? undefined : value;
}

/**
 * A list parameter, given comma-separated (`kinds=FIGURE,ARREST`), repeated (`kinds=FIGURE&kinds=ARREST`,
 * as a form's checkboxes send it) or both: its items trimmed, written as `normalise` says (upper case for
 * kinds a person may type in any case), empty ones dropped, each once, in the order given. Undefined when
 * nothing is left: no filter.
 */
export function listValue(
  value: QueryValue,
  normalise: (item: string) => string = (item) => item,
): string[] | undefined {
  const items = [value ?? []].flat().flatMap(splitList).map(normalise);
  return items.length === 0 ? undefined : [...new Set(items)];
}

/** `true`/`1` or `false`/`0`; anything else is refused rather than read as false. */
export function booleanValue(parameter: string, value: QueryValue): boolean | undefined {
  const given = singleValue(parameter, value);
  if (given === undefined) return undefined;
  if (given === 'true' || given === '1') return true;
  if (given === 'false' || given === '0') return false;
  throw new InvalidQueryArgumentError(parameter, `${parameter} must be true or false, not ${given}`);
}
