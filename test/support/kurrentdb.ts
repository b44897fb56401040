/*
 * Helpers for e2e specs that run API servers on KurrentDB (the in-process protocol double): the server
 * environment, /health, waiting for a condition by polling, and what a server's read model holds.
 */
import { recordIdFromStream } from '@tracker/domain';
import type { RecordedEvent } from '@tracker/event-store';
import { KurrentDbEventStore } from '@tracker/event-store/kurrentdb/index.js';
import { KurrentDbProtocolDouble } from '@tracker/event-store/testing/kurrentdb-double/index.js';
import { readWholeStore } from '@tracker/event-store/testing/store-readers.js';
import type { RunningServer, StartOptions } from './api-server.js';
import { startApiServer } from './api-server.js';
import { gqlData } from './gql.js';

/** Starts a protocol double on a free loopback port (stop it with `stop()`; `start(port)` brings it back). */
export async function startKurrentDbDouble(): Promise<KurrentDbProtocolDouble> {
  const double = new KurrentDbProtocolDouble();
  await double.start();
  return double;
}

/**
 * The environment of a server on the double. The client's Rust core waits one discovery interval (500 ms
 * by default) before each connection; 10 ms keeps reconnections after an outage short.
 */
export function kurrentDbEnv(double: KurrentDbProtocolDouble): Record<string, string> {
  return {
    EVENT_STORE: 'kurrentdb',
    KURRENTDB_CONNECTION_STRING: `${double.connectionString}&discoveryInterval=10`,
    TRACKER_DEMO_DATA: 'false',
  };
}

/** An API server on the double, with its own data folder (read DB and checkpoint). */
export function startServerOn(
  double: KurrentDbProtocolDouble,
  options: StartOptions = {},
): Promise<RunningServer> {
  return startApiServer({ ...options, env: { ...kurrentDbEnv(double), ...options.env } });
}

/** What /health answers. */
export interface Health {
  httpStatus: number;
  status: 'up' | 'down';
  eventStore: {
    status: 'up' | 'down';
    store: string;
    reason?: string;
    details: { headPosition?: string | null; [key: string]: unknown };
  };
  readModel: { position: string | null; failing: boolean; lastError?: string; caughtUp: boolean | null };
}

export async function health(url: string): Promise<Health> {
  const response = await fetch(`${url}/health`);
  return { httpStatus: response.status, ...((await response.json()) as Omit<Health, 'httpStatus'>) };
}

/**
 * Polls `probe` until `done` holds for what it returns, and returns that. No sleep synchronises anything:
 * the short pause only spaces the polls. The deadline is a diagnostic (the last value seen, instead of a
 * bare Jest timeout), far beyond any expected wait.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  deadlineMs = 50_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Gave up waiting until ${what}; last seen: ${JSON.stringify(last)}` +
      (lastError === undefined ? '' : `; last error: ${String(lastError)}`),
  );
}

/** Resolves with the server's health once its read model holds everything the store holds. */
export function waitForReadModel(server: RunningServer): Promise<Health> {
  return waitUntil(
    `the read model of ${server.url} reaches the store's head`,
    () => health(server.url),
    (body) =>
      body.eventStore.status === 'up' &&
      body.readModel.caughtUp === true &&
      body.readModel.position === (body.eventStore.details.headPosition ?? null),
  );
}

/** Every record a server's read model holds, by id, with how many events its history lists. */
export async function recordSnapshot(server: RunningServer): Promise<Map<string, number>> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      records: {
        edges: { node: { id: string } }[];
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
    } = await gqlData(
      server.url,
      `query($after: String) { records(first: 100, after: $after) {
        edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
      { after },
      { token: server.tokens.reader },
    );
    ids.push(...data.records.edges.map((edge) => edge.node.id));
    if (!data.records.pageInfo.hasNextPage) break;
    after = data.records.pageInfo.endCursor;
  }
  const snapshot = new Map<string, number>();
  for (const id of ids) {
    if (snapshot.has(id)) throw new Error(`records lists ${id} twice on ${server.url}`);
    snapshot.set(id, await historyLength(server, id));
  }
  return snapshot;
}

/** How many events the history of a record lists on this server. */
export async function historyLength(server: RunningServer, recordId: string): Promise<number> {
  const data = await gqlData<{ history: { totalCount: number } }>(
    server.url,
    'query($id: ID!) { history(recordId: $id, first: 1) { totalCount } }',
    { id: recordId },
    { token: server.tokens.reader },
  );
  return data.history.totalCount;
}

/** Every event the double holds, read through the adapter itself (the ground truth of the specs). */
export async function storeEvents(double: KurrentDbProtocolDouble): Promise<RecordedEvent[]> {
  const store = await KurrentDbEventStore.connect({
    connectionString: `${double.connectionString}&discoveryInterval=10`,
    logger: { warn: () => undefined, info: () => undefined },
  });
  try {
    return await readWholeStore(store);
  } finally {
    await store.close();
  }
}

/** The events of record streams the double holds (API tokens are events too, in a stream of their own). */
export async function recordEvents(double: KurrentDbProtocolDouble): Promise<RecordedEvent[]> {
  return (await storeEvents(double)).filter((event) => recordIdFromStream(event.stream) !== undefined);
}

/** Each record in the store, by id, with how many events its stream holds. */
export function recordsInStore(events: readonly RecordedEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    const id = recordIdFromStream(event.stream);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
