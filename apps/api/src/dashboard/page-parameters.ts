/**
 * A page's query-string parameters as Fastify parses them: a parameter given once is a string, given
 * more than once an array. A page's address is typed, bookmarked and edited by people, so both forms
 * must answer something meaningful, never a server error.
 */
export type QueryValue = string | string[] | undefined;

/** A parameter a page can use only once; given more than once, a 400 that says so. */
export class RepeatedParameterError extends Error {
  constructor(readonly parameter: string) {
    super(`The parameter "${parameter}" is given more than once; give it once`);
  }
}

/** The one value of `parameter`, or undefined when it is absent or empty. */
export function singleValue(parameter: string, value: QueryValue): string | undefined {
  if (Array.isArray(value)) throw new RepeatedParameterError(parameter);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * A list parameter, given comma-separated (`kinds=FIGURE,ARREST`), repeated (`kinds=FIGURE&kinds=ARREST`,
 * as a form's checkboxes send it) or both: its items trimmed and upper-cased, empty ones dropped, each
 * once, in the order given. Undefined when nothing is left: no filter.
 */
export function upperCaseList(value: QueryValue): string[] | undefined {
  const items = [value ?? []]
    .flat()
    .flatMap((part) => part.split(','))
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item !== '');
  return items.length === 0 ? undefined : [...new Set(items)];
}
