import type { IncomingHttpHeaders } from 'node:http';

/** The GraphQL-over-HTTP media types, the newer one first. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON;

/** The client accepts neither media type the server speaks: answered 406. */
export class NotAcceptableError extends Error {
  readonly code = 'NOT_ACCEPTABLE';
  readonly statusCode = 406;
  constructor(accept: string) {
    super(`Cannot answer with any of "${accept}": accept ${GRAPHQL_RESPONSE_JSON} or ${APPLICATION_JSON}.`);
    this.name = 'NotAcceptableError';
  }
}

/**
 * The media type to answer with, per the client's Accept header (GraphQL over HTTP, "Accept"): the
 * acceptable type with the highest q, the newer type winning a tie; no header means application/json;
 * `undefined` when the header accepts neither.
 */
export function negotiateMediaType(headers: IncomingHttpHeaders): ResponseMediaType | undefined {
  const accept = headers.accept;
  if (accept === undefined || accept.trim() === '') return APPLICATION_JSON;
  let best: { type: ResponseMediaType; q: number } | undefined;
  for (const range of accept.split(',')) {
    const [rawType = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    const candidates: ResponseMediaType[] =
      rawType === GRAPHQL_RESPONSE_JSON
        ? [GRAPHQL_RESPONSE_JSON]
        : rawType === APPLICATION_JSON || rawType === 'application/*' || rawType === '*/*'
          ? [APPLICATION_JSON]
          : [];
    for (const type of candidates) {
      const wins = !best || q > best.q || (q === best.q && type === GRAPHQL_RESPONSE_JSON);
      if (wins) best = { type, q };
    }
  }
  return best?.type;
}
