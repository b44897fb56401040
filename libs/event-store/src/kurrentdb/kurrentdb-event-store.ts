/**
 * The EventStore port on KurrentDB, through the official client @kurrent/kurrentdb-client: the store for
 * deployments that outgrow one machine, where every API instance follows $all from its own checkpoint.
 */
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from '../errors.js';
import type { EventToAppend, RecordedEvent } from '../event.js';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoreHealth,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import type { Position } from '../position.js';
import { validateAppend } from '../validation/append-validation.js';
import { resolveReadAllOptions, resolveReadStreamOptions } from '../validation/read-validation.js';
import { appendEvents } from './append.js';
import { resolveBackoff, type BackoffOptions } from './backoff.js';
import { KurrentDbAllSubscription } from './kurrentdb-all-subscription.js';
import { KurrentDbConnection } from './kurrentdb-connection.js';
import { errorMessage, readError } from './kurrentdb-errors.js';
import { toRecordedEvent } from './kurrentdb-mapping.js';
import {
  stderrLogger,
  type KurrentDbEventStoreOptions,
  type KurrentDbLogger,
} from './kurrentdb-event-store.options.js';
import { readAllEvents, readAllRaw, readHeadPosition, readStreamEvents, type ReadAllPage } from './read.js';

const STORE_NAME = 'kurrentdb';

export class KurrentDbEventStore implements EventStore {
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly running = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();
  /** Checks open subscriptions for silence (see checkSilence); runs only while there are some. */
  private silenceCheck: NodeJS.Timeout | undefined;

  private constructor(
    private readonly connection: KurrentDbConnection,
    private readonly streamPrefix: string,
    private readonly logger: KurrentDbLogger,
    private readonly backoff: Required<BackoffOptions>,
    private readonly readPageSize: number,
    private readonly endpoint: string,
    private readonly silenceCheckMs: number,
  ) {}

  /**
   * A store on the KurrentDB the connection string names. It connects lazily: an unreachable server
   * does not fail `connect` (its operations fail with StoreUnavailableError and `health()` says down
   * until it can be reached). Throws for options it cannot use.
   */
  static async connect(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const streamPrefix = options.streamPrefix ?? '';
    if (streamPrefix.startsWith('$')) {
      throw new RangeError('streamPrefix must not start with $ (reserved by KurrentDB)');
    }
    const readPageSize = options.readPageSize ?? 500;
    if (!Number.isSafeInteger(readPageSize) || readPageSize < 2) {
      throw new RangeError('readPageSize must be >= 2');
    }
    const operationTimeoutMs = options.operationTimeoutMs ?? 10_000;
    if (!(operationTimeoutMs > 0)) throw new RangeError('operationTimeoutMs must be > 0');
    const silenceCheckMs = options.silenceCheckMs ?? 10_000;
    if (!(silenceCheckMs >= 0)) throw new RangeError('silenceCheckMs must be >= 0');
    const connection = new KurrentDbConnection(options.connectionString, operationTimeoutMs);
    // Parses the connection string now, so a malformed one fails here rather than on first use.
    await connection.dedicatedClient().dispose();
    return new KurrentDbEventStore(
      connection,
      streamPrefix,
      options.logger ?? stderrLogger,
      resolveBackoff(options.resubscribe),
      readPageSize,
      endpointOf(options.connectionString),
      silenceCheckMs,
    );
  }

  append(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    return this.track(() =>
      // validateAppend refuses $-prefixed names, and streamPrefix cannot start with $, so no name here
      // reaches KurrentDB's reserved streams.
      appendEvents(this.connection, this.streamPrefix, validateAppend(stream, events, options)),
    );
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.track(async () => {
      const resolved = resolveReadStreamOptions(options);
      const events = await this.read(
        (client) => readStreamEvents(client, this.streamPrefix + stream, resolved),
        `read stream "${stream}"`,
      );
      return events.map((event) => toRecordedEvent(event, this.streamPrefix));
    });
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.track(async () => {
      const { after, maxCount } = resolveReadAllOptions(options);
      if (maxCount === 0) return [];
      return readAllEvents(this.pages('read $all'), after, maxCount, this.streamPrefix, this.readPageSize);
    });
  }

  headPosition(): Promise<Position | undefined> {
    return this.track(() =>
      readHeadPosition(this.pages('read the head of $all'), this.streamPrefix, this.readPageSize),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.refuseIfClosed();
    const subscription: KurrentDbAllSubscription = new KurrentDbAllSubscription({
      connect: () => this.connection.dedicatedClient(),
      after: options.after,
      streamPrefix: this.streamPrefix,
      backoff: this.backoff,
      logger: this.logger,
      onClosed: () => {
        this.subscriptions.delete(subscription);
        if (this.subscriptions.size === 0) this.stopSilenceCheck();
      },
    });
    this.subscriptions.add(subscription);
    this.startSilenceCheck();
    return subscription;
  }

  /**
   * Up when a read of $all gets an answer, with the position of the last event (`headPosition`, null for
   * an empty store) as the SQLite adapter reports it; the reason and the endpoint when it does not.
   */
  async health(): Promise<StoreHealth> {
    const details: Record<string, unknown> = { endpoint: this.endpoint, streamPrefix: this.streamPrefix };
    if (this.closed) return { status: 'down', store: STORE_NAME, reason: 'The store is closed', details };
    try {
      const head = await readHeadPosition(
        this.pages('read the head of $all'),
        this.streamPrefix,
        this.readPageSize,
      );
      details.headPosition = head ?? null;
      this.retrySubscriptionsNow();
      return { status: 'up', store: STORE_NAME, details };
    } catch (error) {
      return { status: 'down', store: STORE_NAME, reason: errorMessage(error), details };
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.stopSilenceCheck();
      await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
      await Promise.allSettled([...this.running]);
      await this.connection.dispose();
    })();
    return this.closing;
  }

  /**
   * Pages of $all, each read as its own call: a read that pages past many events of KurrentDB's own or of
   * other prefixes is bounded per page by the operation timeout, not as a whole.
   */
  private pages(what: string): ReadAllPage {
    return (direction, from, maxCount) =>
      this.read((client) => readAllRaw(client, direction, from, maxCount), what);
  }

  private read<T>(operation: (client: KurrentDBClient) => Promise<T>, what: string): Promise<T> {
    return this.connection.run(operation, { retry: true }).catch((error: unknown) => {
      throw readError(error, what);
    });
  }

  /**
   * Runs an operation unless the store is closed, and lets close() wait for it. Its success proves the
   * server reachable: subscriptions waiting out a backoff resubscribe at once.
   */
  private track<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(this.closedError());
    const running = (async () => {
      const result = await operation();
      this.retrySubscriptionsNow();
      return result;
    })();
    this.running.add(running);
    const forget = () => this.running.delete(running);
    running.then(forget, forget);
    return running;
  }

  private startSilenceCheck(): void {
    if (this.silenceCheck || this.silenceCheckMs === 0) return;
    let checking = false;
    this.silenceCheck = setInterval(() => {
      if (checking) return; // a slow head read never piles up
      checking = true;
      this.headPosition()
        .then((head) => {
          for (const subscription of this.subscriptions) subscription.checkSilence(head);
        })
        // A store that cannot be reached is the subscriptions' own outage: they see it and resubscribe.
        .catch(() => undefined)
        .finally(() => {
          checking = false;
        });
    }, this.silenceCheckMs);
    this.silenceCheck.unref();
  }

  private stopSilenceCheck(): void {
    clearInterval(this.silenceCheck);
    this.silenceCheck = undefined;
  }

  private retrySubscriptionsNow(): void {
    for (const subscription of this.subscriptions) subscription.retryNow();
  }

  private refuseIfClosed(): void {
    if (this.closed) throw this.closedError();
  }

  private closedError(): StoreUnavailableError {
    return new StoreUnavailableError('The KurrentDB event store is closed');
  }
}

/** host:port of each node in a connection string, without credentials or settings. */
function endpointOf(connectionString: string): string {
  const withoutScheme = connectionString.replace(/^[a-z+]+:\/\//i, '');
  const withoutUser = withoutScheme.includes('@')
    ? withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1)
    : withoutScheme;
  return withoutUser.split(/[/?]/)[0];
}
