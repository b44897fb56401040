import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningServer } from './api-server.js';
import type { GqlError } from './gql.js';

/** What a graphql-ws subscription received. */
export interface SubscriptionResult<T> {
  data?: T;
  errors?: readonly GqlError[];
}

/** A live graphql-ws subscription with a queue of what it received. */
export interface SubscriptionHandle<T> {
  /** Everything received so far, in order. */
  readonly received: SubscriptionResult<T>[];
  /** Resolves with the next result not yet taken (the queue survives between calls). */
  next(): Promise<SubscriptionResult<T>>;
  /** Resolves with the first error the server sent for this subscription (it then ends). */
  failed(): Promise<readonly GqlError[]>;
  /** Unsubscribes and closes the socket. */
  close(): Promise<void>;
}

let sequence = 0;

/**
 * Opens a graphql-ws client (the `graphql-transport-ws` protocol, over `ws`) to the server and subscribes.
 * Resolves once the server has logged that this very subscription listens, so a change made after it
 * returns is delivered: graphql-ws has no acknowledgement of a subscribe, and a test must not sleep.
 * A subscription the server refuses resolves at once; see `failed()`.
 */
export async function subscribe<T = any>(
  server: RunningServer,
  query: string,
  variables?: Record<string, unknown>,
  options: { token?: string } = {},
): Promise<SubscriptionHandle<T>> {
  const id = `test-subscription-${process.pid}-${++sequence}`;
  const client: Client = createClient({
    url: `${server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    generateID: () => id,
    retryAttempts: 0,
    // The token goes in connection_init, as browsers cannot set headers on a WebSocket.
    ...(options.token === undefined
      ? {}
      : { connectionParams: { Authorization: `Bearer ${options.token}` } }),
  });
  const received: SubscriptionResult<T>[] = [];
  const waiting: ((result: SubscriptionResult<T>) => void)[] = [];
  let taken = 0;
  let rejectFailure: (errors: readonly GqlError[]) => void = () => {};
  const failure = new Promise<readonly GqlError[]>((resolve) => (rejectFailure = resolve));

  const started = waitForLog(server, (line) => line.includes('Subscription started') && line.includes(id));
  const unsubscribe = client.subscribe<T>(
    { query, ...(variables === undefined ? {} : { variables }) },
    {
      next: (result) => {
        received.push(result as SubscriptionResult<T>);
        waiting.shift()?.(received[taken++]!);
      },
      error: (error) => rejectFailure(Array.isArray(error) ? error : [{ message: String(error) }]),
      complete: () => {},
    },
  );
  await Promise.race([started, failure]);

  return {
    received,
    next() {
      if (taken < received.length) return Promise.resolve(received[taken++]!);
      return new Promise((resolve) => waiting.push(resolve));
    },
    failed: () => failure,
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** Resolves when a server log line (already written or to come) satisfies `matches`. */
export function waitForLog(server: RunningServer, matches: (line: string) => boolean): Promise<void> {
  const streams = [server.child.stdout!, server.child.stderr!];
  return new Promise((resolve) => {
    // The readline interfaces that fill `logs` listen first; look once they have split the chunk.
    const check = () =>
      setImmediate(() => {
        if (!server.logs.some(matches)) return;
        for (const stream of streams) stream.off('data', check);
        resolve();
      });
    for (const stream of streams) stream.on('data', check);
    check();
  });
}
