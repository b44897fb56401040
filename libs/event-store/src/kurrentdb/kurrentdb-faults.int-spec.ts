/**
 * KurrentDbEventStore when the server goes away and comes back: the protocol double is stopped (every
 * connection and open call dropped, as when the process dies) and started again on the same port with
 * the same data. Real gRPC over loopback, through the official client. No assertion depends on timing:
 * the tests wait for what must happen (an event, a log line), the suite's timeout bounds the wait.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../errors.js';
import { KurrentDbProtocolDouble } from '../testing/kurrentdb-double/index.js';
import {
  anEvent,
  aStreamName,
  iteratorOf,
  readWholeStore,
  rejectionOf,
  someEvents,
  take,
} from '../testing/index.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import type { KurrentDbEventStoreOptions, KurrentDbLogger } from './kurrentdb-event-store.options.js';

interface LogLine {
  level: 'warn' | 'info';
  message: string;
  context: Record<string, unknown>;
}

/** Keeps every line and lets a test wait for the next one that matches. */
class RecordingLogger implements KurrentDbLogger {
  readonly lines: LogLine[] = [];
  private waiters: Array<{ matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];

  warn(message: string, context: Record<string, unknown>): void {
    this.record({ level: 'warn', message, context });
  }

  info(message: string, context: Record<string, unknown>): void {
    this.record({ level: 'info', message, context });
  }

  next(matches: (line: LogLine) => boolean): Promise<LogLine> {
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  private record(line: LogLine): void {
    this.lines.push(line);
    const ready = this.waiters.filter((waiter) => waiter.matches(line));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(line);
  }
}

const ids = (events: ReadonlyArray<{ id: string }>) => events.map((event) => event.id);
const isResumed = (line: LogLine) => line.level === 'info' && line.message.includes('resumed');
const isDropped = (line: LogLine) => line.level === 'warn' && line.message.includes('dropped');

/** Waits (no fixed time: the suite's timeout bounds it) until `condition` holds. */
async function waitUntilTrue(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('KurrentDbEventStore when KurrentDB goes away and comes back (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let port: number;
  let logger: RecordingLogger;
  let store: KurrentDbEventStore;

  const connect = (more: Partial<KurrentDbEventStoreOptions> = {}) =>
    KurrentDbEventStore.connect({
      connectionString: `${double.connectionString}&discoveryInterval=10`,
      logger,
      resubscribe: { initialDelayMs: 10, maxDelayMs: 100, jitter: 0 },
      ...more,
    });

  beforeEach(async () => {
    double = new KurrentDbProtocolDouble();
    port = await double.start();
    logger = new RecordingLogger();
    store = await connect();
  });

  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('resumes a subscription where it was: nothing missed, nothing twice, catch-up and live after the outage', async () => {
    const before = someEvents(3, 'BeforeOutage');
    await store.append(aStreamName(), before);
    const subscription = store.subscribeToAll();
    const iterator = iteratorOf(subscription);
    expect(ids(await take(iterator, 3))).toEqual(ids(before));

    // The subscription learns of the drop when its consumer asks for more, as a projection waiting for
    // the next event does.
    const nextAfterOutage = iterator.next();
    const dropped = logger.next(isDropped);
    await double.stop();
    expect((await dropped).context).toMatchObject({ after: expect.any(String), attempt: 1 });

    await double.start(port);
    // Appended once the server is back, perhaps before the subscription is: delivered by its catch-up.
    const whileResubscribing = someEvents(2, 'AfterRestart');
    const resumed = logger.next(isResumed);
    await store.append(aStreamName(), whileResubscribing);
    expect([(await nextAfterOutage).value?.id, ...ids(await take(iterator, 1))]).toEqual(
      ids(whileResubscribing),
    );

    // And once it has resumed, live.
    await resumed;
    const live = anEvent('Live');
    const waiting = iterator.next();
    await store.append(aStreamName(), [live]);
    expect((await waiting).value?.id).toBe(live.id);

    expect(ids(await readWholeStore(store))).toEqual([...ids(before), ...ids(whileResubscribing), live.id]);
    await subscription.close();
  });

  it('restarts a subscription the server left open but silent once the store moves on: nothing missed, nothing twice', async () => {
    await store.close();
    store = await connect({ silenceCheckMs: 50 });
    const before = someEvents(2, 'BeforeSilence');
    await store.append(aStreamName(), before);
    const subscription = store.subscribeToAll();
    const iterator = iteratorOf(subscription);
    expect(ids(await take(iterator, 2))).toEqual(ids(before));

    // The call stays open, the connection alive; the server just stops sending.
    expect(double.silenceOpenSubscriptions()).toBe(1);
    const silent = logger.next((line) => line.level === 'warn' && line.message.includes('silent'));
    const during = someEvents(3, 'DuringSilence');
    await store.append(aStreamName(), during);
    expect((await silent).context).toMatchObject({ after: expect.any(String), head: expect.any(String) });
    expect(ids(await take(iterator, 3))).toEqual(ids(during));

    const live = anEvent('Live');
    const waiting = iterator.next();
    await store.append(aStreamName(), [live]);
    expect((await waiting).value?.id).toBe(live.id);
    await subscription.close();
  });

  it('leaves a quiet subscription alone while nothing is written', async () => {
    await store.close();
    store = await connect({ silenceCheckMs: 20 });
    // Counted, so the test knows the checks ran rather than passing because none did.
    const headPosition = store.headPosition.bind(store);
    let checks = 0;
    store.headPosition = () => {
      checks++;
      return headPosition();
    };
    await store.append(aStreamName(), someEvents(1));
    const subscription = store.subscribeToAll();
    const iterator = iteratorOf(subscription);
    await take(iterator, 1);
    await waitUntilTrue(() => checks >= 5);
    expect(logger.lines.filter((line) => line.message.includes('silent'))).toEqual([]);
    // And it still delivers.
    const live = anEvent('Live');
    const waiting = iterator.next();
    await store.append(aStreamName(), [live]);
    expect((await waiting).value?.id).toBe(live.id);
    await subscription.close();
  });

  it('logs every failed resubscription while the server stays down, then the recovery', async () => {
    const subscription = store.subscribeToAll();
    const iterator = iteratorOf(subscription);
    const waiting = iterator.next();
    await store.append(aStreamName(), [anEvent('First')]);
    await waiting;
    const pending = iterator.next();

    const thirdFailure = logger.next((line) => isDropped(line) && line.context.attempt === 3);
    await double.stop();
    await thirdFailure;
    const drops = logger.lines.filter(isDropped);
    expect(drops.map((line) => line.context.attempt)).toEqual([1, 2, 3]);
    // Exponential, from the configured 10 ms (no jitter in this test).
    expect(drops.map((line) => line.context.delayMs)).toEqual([10, 20, 40]);

    const resumed = logger.next(isResumed);
    await double.start(port);
    expect((await resumed).context).toMatchObject({ failedAttempts: expect.any(Number) });
    await subscription.close();
    expect((await pending).done).toBe(true);
  });

  it('resubscribes as soon as the store is reached again, not after the rest of a long backoff', async () => {
    // A backoff as long as a long outage makes it (the default caps at 30 s): only a successful call to the
    // store can end this wait before the suite's timeout.
    const patient = await KurrentDbEventStore.connect({
      connectionString: `${double.connectionString}&discoveryInterval=10`,
      logger,
      resubscribe: { initialDelayMs: 600_000, maxDelayMs: 600_000, jitter: 0 },
    });
    try {
      const subscription = patient.subscribeToAll();
      const iterator = iteratorOf(subscription);
      const first = anEvent('BeforeOutage');
      await patient.append(aStreamName(), [first]);
      expect((await iterator.next()).value?.id).toBe(first.id);

      const waiting = iterator.next();
      const dropped = logger.next(isDropped);
      await double.stop();
      expect((await dropped).context).toMatchObject({ attempt: 1, delayMs: 600_000 });

      await double.start(port);
      // An API instance that nobody writes through still has its health probed.
      const resumed = logger.next(isResumed);
      expect((await patient.health()).status).toBe('up');
      expect((await resumed).context).toMatchObject({ failedAttempts: 1 });

      const after = anEvent('AfterOutage');
      await patient.append(aStreamName(), [after]);
      expect((await waiting).value?.id).toBe(after.id);
      await subscription.close();
    } finally {
      await patient.close();
    }
  });

  it('refuses appends while the server is down with StoreUnavailableError (UNAVAILABLE), and none of them is stored', async () => {
    const stream = aStreamName();
    const first = await store.append(stream, someEvents(2), { expectedRevision: 'no_stream' });
    await double.stop();

    for (const attempt of [
      () => store.append(stream, someEvents(3), { expectedRevision: first.nextRevision }),
      () => store.append(aStreamName(), someEvents(2)),
      () => store.append(stream, [anEvent()], { expectedRevision: 'any' }),
    ]) {
      const error = await rejectionOf(attempt());
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    }
    expect(await rejectionOf(store.readStream(stream))).toBeInstanceOf(StoreUnavailableError);

    await double.start(port);
    expect(await store.readStream(stream)).toHaveLength(2);
    expect(await readWholeStore(store)).toHaveLength(2);
    expect(await store.headPosition()).toBe(first.position);
    expect(double.eventCount).toBe(2);

    // The stream is where it was, so the same append goes through now.
    const next = await store.append(stream, someEvents(3), { expectedRevision: first.nextRevision });
    expect(next.nextRevision).toBe(4n);
  });

  it('reports health down while the server is away and up once it is back', async () => {
    expect((await store.health()).status).toBe('up');

    await double.stop();
    const down = await store.health();
    expect(down).toMatchObject({ status: 'down', store: 'kurrentdb', reason: expect.any(String) });
    expect(down.details).toMatchObject({ endpoint: `127.0.0.1:${port}` });

    await double.start(port);
    expect(await store.health()).toMatchObject({ status: 'up', store: 'kurrentdb' });
  });

  it('connects to a server that is not up yet and works once it is', async () => {
    await store.close();
    await double.stop();
    store = await connect();
    expect((await store.health()).status).toBe('down');
    expect(await rejectionOf(store.append(aStreamName(), [anEvent()]))).toBeInstanceOf(StoreUnavailableError);

    await double.start(port);
    expect((await store.health()).status).toBe('up');
    const stream = aStreamName();
    await store.append(stream, [anEvent()]);
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});
