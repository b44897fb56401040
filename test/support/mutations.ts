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

/** Runs a mutation by name with its input; throws on any error. */
export async function mutate(
  url: string,
  mutation: string,
  input: Record<string, unknown>,
  idempotencyKey?: string,
): Promise<MutationPayload> {
  const data = await gqlData<Record<string, MutationPayload>>(url, mutationDocument(mutation), {
    input,
    ...(idempotencyKey === undefined ? {} : { key: idempotencyKey }),
  });
  return data[mutation]!;
}

/** Runs a mutation by name and returns the raw response (for refused inputs). */
export function tryMutate(
  url: string,
  mutation: string,
  input: Record<string, unknown>,
  idempotencyKey?: string,
): Promise<GqlResponse<Record<string, MutationPayload>>> {
  return gql(url, mutationDocument(mutation), {
    input,
    ...(idempotencyKey === undefined ? {} : { key: idempotencyKey }),
  });
}

/** The event store's head position, from /health: unchanged means nothing was appended. */
export async function storeHead(url: string): Promise<string | null> {
  const body = (await (await fetch(`${url}/health`)).json()) as {
    eventStore: { details: { headPosition: string | null } };
  };
  return body.eventStore.details.headPosition;
}
