import type { BackoffOptions } from './backoff.js';

/**
 * Where the adapter reports subscription outages (`warn`) and recoveries (`info`). To use pino:
 * `{ warn: (message, context) => pino.warn(context, message), info: (message, context) => pino.info(context, message) }`.
 */
export interface KurrentDbLogger {
  warn(message: string, context: Record<string, unknown>): void;
  info(message: string, context: Record<string, unknown>): void;
}

export interface KurrentDbEventStoreOptions {
  /**
   * A KurrentDB connection string, e.g. `kurrentdb://127.0.0.1:2113?tls=false` for one node or
   * `kurrentdb://admin:changeit@node1:2113,node2:2113,node3:2113` for a cluster. Its settings go to the
   * client unchanged (`discoveryInterval`, `maxDiscoverAttempts`, `keepAliveInterval`...).
   */
  connectionString: string;
  /**
   * Prepended to every stream name in KurrentDB; reads of $all, subscriptions and `headPosition` see only
   * streams that carry it. Lets several stores (deployments, test runs) share one KurrentDB without
   * seeing each other. Must not start with `$`.
   * @defaultValue `''` (the whole database)
   */
  streamPrefix?: string;
  /** Subscription outages and recoveries. @defaultValue one line on stderr per message */
  logger?: KurrentDbLogger;
  /** Resubscription after a dropped subscription: exponential, capped, jittered. */
  resubscribe?: BackoffOptions;
  /**
   * The longest an append, a read or a health check waits for the server before failing with
   * StoreUnavailableError.
   * @defaultValue 10_000
   */
  operationTimeoutMs?: number;
  /**
   * How often open subscriptions are checked against the head of $all: one that has not moved for a whole
   * interval while the head is past it has gone silent, and is restarted from where it was. 0 turns the
   * check off.
   * @defaultValue 10_000
   */
  silenceCheckMs?: number;
  /**
   * How many events each request reads when paging through $all (readAll skips KurrentDB's own
   * events and other prefixes, so it may need several pages).
   * @defaultValue 500
   */
  readPageSize?: number;
}

/** Writes each message as one line on stderr (the project's lint allows console.error only). */
export const stderrLogger: KurrentDbLogger = {
  warn: (message, context) => console.error(`[kurrentdb] WARN ${message} ${JSON.stringify(context)}`),
  info: (message, context) => console.error(`[kurrentdb] INFO ${message} ${JSON.stringify(context)}`),
};
