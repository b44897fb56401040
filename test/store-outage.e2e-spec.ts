/*
 * An API server on KurrentDB when the store goes away and comes back, seen from outside: a real server
 * process, a graphql-ws subscriber on it, and the protocol double stopped (every connection and open call
 * dropped, as when KurrentDB dies) and started again on the same port with the data it held.
 *
 * While the store is away: /health says down (503), mutations are refused with UNAVAILABLE and write
 * nothing, queries still answer from the read model. Once it is back: /health says up, the store holds no
 * trace of the refused mutations, and the subscription opened before the outage delivers every later
 * change once. Every wait is for a condition (a log line, a message, /health), never a fixed time.
 */
import { recordIdFromStream } from '@tracker/domain';
import type { KurrentDbProtocolDouble } from '@tracker/event-store/testing/kurrentdb-double/index.js';
import type { RunningServer } from './support/api-server.js';
import { gql, gqlData } from './support/gql.js';
import {
  health,
  recordEvents,
  recordsInStore,
  recordSnapshot,
  startKurrentDbDouble,
  startServerOn,
  waitForReadModel,
  waitUntil,
} from './support/kurrentdb.js';
import { meetingInput, statementInput } from './support/mutation-inputs.js';
import { waitFor } from './support/wait.js';
import { expectRefusedUnavailable, mutate, tryMutate, type MutationPayload } from './support/mutations.js';
import { subscribe, waitForLog, type SubscriptionHandle } from './support/subscriptions.js';

interface RecordChanged {
  recordChanged: { recordId: string; position: string; eventType: string };
}

const RECORD_CHANGED = 'subscription { recordChanged { recordId position eventType } }';
const STATEMENT_KEY = 'outage-statement-1';

const placeCorrection = (recordId: string) => ({
  recordId,
  changes: { place: 'Siem Reap' },
  reason: 'The article names another city.',
});

/** Parses the server's JSON log lines that carry `msg` matching `pattern`. */
function logEntries(server: RunningServer, pattern: RegExp): Record<string, unknown>[] {
  return server.logs
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => typeof entry.msg === 'string' && pattern.test(entry.msg));
}

describe('an API server on KurrentDB when the store goes away and comes back (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let port: number;
  let server: RunningServer;
  let subscription: SubscriptionHandle<RecordChanged>;
  let meeting: MutationPayload;
  let headBeforeOutage: string;
  let eventsBeforeOutage: number;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    port = double.port!;
    server = await startServerOn(double);
  });

  afterAll(async () => {
    await subscription?.close();
    await server?.stop();
    await double?.stop();
  });

  it('delivers a change to a live subscription while the store is up', async () => {
    subscription = await subscribe<RecordChanged>(server, RECORD_CHANGED);
    meeting = await mutate(server, 'recordMeeting', meetingInput());
    const message = await subscription.next();
    expect(message).toEqual({
      data: {
        recordChanged: {
          recordId: meeting.recordId,
          position: meeting.position,
          eventType: 'MeetingRecorded',
        },
      },
    });
    const body = await waitForReadModel(server);
    headBeforeOutage = body.eventStore.details.headPosition!;
    expect(headBeforeOutage).toBe(meeting.position);
    eventsBeforeOutage = double.eventCount;
  });

  it('while the store is away: /health says down (503), anonymous queries still answer from the read model', async () => {
    await double.stop();
    expect(double.running).toBe(false);

    const down = await health(server.url);
    expect(down).toMatchObject({
      httpStatus: 503,
      status: 'down',
      eventStore: { status: 'down', store: 'kurrentdb', reason: expect.any(String) },
      // The read model keeps what it holds; whether it lags cannot be told without the store.
      readModel: { position: headBeforeOutage, failing: false, caughtUp: null },
    });
    expect(down.eventStore.details).toMatchObject({ endpoint: `127.0.0.1:${port}` });

    // The read side does not need the store to answer.
    const data = await gqlData(
      server.url,
      'query($id: ID!) { record(id: $id) { id ... on Meeting { place } } }',
      { id: meeting.recordId },
    );
    expect(data.record).toEqual({ id: meeting.recordId, place: meetingInput().place });

    // The projection's subscription noticed the outage and says so in the log.
    await waitForLog(server, (line) => line.includes('subscription to $all dropped'));
  });

  it('while the store is away: mutations with a valid token are answered UNAVAILABLE', async () => {
    expect(double.running).toBe(false);
    // A creation (with an idempotency key, retried after the outage) and a change to an existing record.
    const refused = [
      await tryMutate(server, 'recordStatement', statementInput(), { idempotencyKey: STATEMENT_KEY }),
      await tryMutate(server, 'correctRecord', placeCorrection(meeting.recordId)),
    ];
    for (const response of refused) expectRefusedUnavailable(response);
  });

  it('while the store is away: a token it cannot check is answered UNAVAILABLE (503), not taken as unknown', async () => {
    const response = await gql(server.url, '{ countries { code } }', undefined, {
      token: 'trk_issued-elsewhere-during-the-outage',
    });
    expect(response.status).toBe(503);
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAVAILABLE' } })]);
    // A token this instance knew before the outage still reads from the read model.
    const known = await gql(server.url, '{ countries { code } }', undefined, { token: server.tokens.reader });
    expect(known.errors).toBeUndefined();
  });

  it('once the store is back: /health says up and the store shows no trace of the refused mutations', async () => {
    const resumed = waitForLog(server, (line) => line.includes('subscription to $all resumed'));
    await double.start(port);
    await resumed;

    const up = await waitUntil(
      '/health says up',
      () => health(server.url),
      (body) => body.httpStatus === 200,
    );
    expect(up).toMatchObject({ status: 'up', eventStore: { status: 'up', store: 'kurrentdb' } });
    expect(up.eventStore.details.headPosition).toBe(headBeforeOutage);
    expect(up.readModel).toEqual({
      position: headBeforeOutage,
      headPosition: headBeforeOutage,
      failing: false,
      caughtUp: true,
      stalledForMs: 0,
    });

    // The double kept its data across the restart, and holds nothing more.
    expect(double.eventCount).toBe(eventsBeforeOutage);
    const events = await recordEvents(double);
    expect(events.map((event) => event.position)).toEqual([meeting.position]);
    expect(await recordSnapshot(server)).toEqual(recordsInStore(events));

    const dropped = logEntries(server, /subscription to \$all dropped/);
    expect(dropped.length).toBeGreaterThan(0);
    // It stopped at the last event it saw: ours, or KurrentDB's own written after it.
    expect(dropped[0]).toMatchObject({ level: 40, attempt: 1 });
    expect(String(dropped[0]!.after) >= headBeforeOutage).toBe(true);
    // Two follow $all, each resumed once where it stopped: the projection runner and the transparency log.
    const resumedEntry = expect.objectContaining({
      level: 30,
      after: expect.any(String),
      failedAttempts: expect.any(Number),
    });
    const entries = await waitFor(() => {
      const found = logEntries(server, /subscription to \$all resumed/);
      return found.length >= 2 ? found : undefined;
    });
    expect(entries).toEqual([resumedEntry, resumedEntry]);
    for (const entry of entries) expect(String(entry.after) >= headBeforeOutage).toBe(true);
  });

  it('the subscription opened before the outage delivers each change made after it, once', async () => {
    // Nothing was written by the attempt made during the outage, so retrying it with the same key records
    // it now, as new.
    const statement = await mutate(server, 'recordStatement', statementInput(), {
      idempotencyKey: STATEMENT_KEY,
    });
    expect(statement).toMatchObject({ kind: 'STATEMENT', replayed: false, eventCount: 1 });
    const corrected = await mutate(server, 'correctRecord', placeCorrection(meeting.recordId));
    expect(corrected).toMatchObject({ recordId: meeting.recordId, eventCount: 1 });

    await waitUntil(
      'the subscription has received the correction',
      async () => subscription.received,
      (received) => received.some((message) => message.data?.recordChanged.position === corrected.position),
    );
    const events = await recordEvents(double);
    expect(events).toHaveLength(3);
    expect(subscription.received).toEqual(
      events.map((event) => ({
        data: {
          recordChanged: {
            recordId: recordIdFromStream(event.stream),
            position: event.position,
            eventType: event.type,
          },
        },
      })),
    );
    expect(events.map((event) => event.type)).toEqual([
      'MeetingRecorded',
      'StatementRecorded',
      'RecordCorrected',
    ]);

    const body = await waitForReadModel(server);
    expect(body.readModel.position).toBe(corrected.position);
    expect(await recordSnapshot(server)).toEqual(recordsInStore(events));
  });
});
