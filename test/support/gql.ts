/** One GraphQL error as the API sends it. */
export interface GqlError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: {
    code?: string;
    field?: string;
    fields?: { field: string; reasons: string[] }[];
    [key: string]: unknown;
  };
}

export interface GqlResponse<T> {
  status: number;
  headers: Headers;
  /** Absent when the request failed before execution (a request error). */
  data?: T | null;
  errors?: GqlError[];
  /** The whole JSON body. */
  body: { data?: T | null; errors?: GqlError[]; [key: string]: unknown };
}

export interface GqlOptions {
  /** Extra request headers (e.g. `accept`). */
  headers?: Record<string, string>;
  operationName?: string;
  /** A bearer token secret: sent as `Authorization: Bearer <token>`. */
  token?: string;
}

/** The /graphql endpoint of a server URL (`http://127.0.0.1:1234`) or the endpoint itself. */
export function graphqlEndpoint(url: string): string {
  return url.endsWith('/graphql') ? url : `${url.replace(/\/$/, '')}/graphql`;
}

/** POSTs one GraphQL operation as a real client would and returns status, headers and body. */
export async function gql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: GqlOptions = {},
): Promise<GqlResponse<T>> {
  const response = await fetch(graphqlEndpoint(url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: JSON.stringify({
      query,
      ...(variables === undefined ? {} : { variables }),
      ...(options.operationName === undefined ? {} : { operationName: options.operationName }),
    }),
  });
  const body = (await response.json()) as GqlResponse<T>['body'];
  return { status: response.status, headers: response.headers, data: body.data, errors: body.errors, body };
}

/** Like `gql`, but returns `data` and throws (with the errors) if there were any. */
export async function gqlData<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options?: GqlOptions,
): Promise<T> {
  const result = await gql<T>(url, query, variables, options);
  if (result.errors?.length || result.data == null) {
    throw new Error(
      `GraphQL errors (HTTP ${result.status}): ${JSON.stringify(result.errors ?? result.body)}`,
    );
  }
  return result.data;
}

/** The `extensions.code` of each error, for compact assertions. */
export function errorCodes(result: { errors?: GqlError[] }): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
