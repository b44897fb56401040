import type { RunningServer } from './api-server.js';
import { gql, gqlData, type GqlResponse } from './gql.js';
import { mutationDocument } from './mutation-inputs.js';

export interface MutationPayload {
  recordId: string;
  kind: string;
  position: string;
  replayed: boolean;
  eventCount: number;
  record: {
    id: string;
    kind: string;
    retracted: boolean;
    countries: { code: string; role: string }[];
  } | null;
}

export interface MutateOptions {
  /** The bearer token to send; the server's reviewer token (allowed every command) by default, null for none. */
  token?: string | null;
  idempotencyKey?: string;
}

function mutationRequest(server: RunningServer, input: Record<string, unknown>, options: MutateOptions) {
  const token = options.token === undefined ? server.tokens.reviewer : options.token;
  return {
    variables: {
      input,
      ...(options.idempotencyKey === undefined ? {} : { key: options.idempotencyKey }),
    },
    options: token === null ? {} : { token },
  };
}

/** Runs a mutation by name with its input; throws on any error. */
export async function mutate(
  server: RunningServer,
  mutation: string,
  input: Record<string, unknown>,
  options: MutateOptions = {},
): Promise<MutationPayload> {
  const request = mutationRequest(server, input, options);
  const data = await gqlData<Record<string, MutationPayload>>(
    server.url,
    mutationDocument(mutation),
    request.variables,
    request.options,
  );
  return data[mutation]!;
}

/** Runs a mutation by name and returns the raw response (for refused inputs and refused callers). */
export function tryMutate(
  server: RunningServer,
  mutation: string,
  input: Record<string, unknown>,
  options: MutateOptions = {},
): Promise<GqlResponse<Record<string, MutationPayload>>> {
  const request = mutationRequest(server, input, options);
  return gql(server.url, mutationDocument(mutation), request.variables, request.options);
}

/** The event store's head position, from /health: unchanged means nothing was appended. */
export async function storeHead(url: string): Promise<string | null> {
  const body = (await (await fetch(`${url}/health`)).json()) as {
    eventStore: { details: { headPosition: string | null } };
  };
  return body.eventStore.details.headPosition;
}

/** The answer to a mutation the event store refused: UNAVAILABLE, nothing written, no data, never a 500. */
export function expectRefusedUnavailable(response: GqlResponse<Record<string, MutationPayload>>): void {
  expect(response.status).not.toBe(500);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toEqual([
    expect.objectContaining({
      message: 'The event store is unavailable; nothing was written. Try again later.',
      extensions: { code: 'UNAVAILABLE' },
    }),
  ]);
}
