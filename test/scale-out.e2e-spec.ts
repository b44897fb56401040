/*
 * Scale-out: two API processes on one KurrentDB (the in-process protocol double, over real gRPC through
 * the official client). Each has its own data folder: its own read DB and checkpoint (API tokens are
 * events in the shared store, so each instance knows the other's). What one writes, the other serves
 * (queries and live subscriptions) from its own projection of $all; killed and restarted, an instance
 * catches up from its checkpoint with nothing missed or doubled.
 *
 * No sleep synchronises anything: the specs wait for a condition (a subscription message, /health saying
 * the read model reached the store's head). "Nothing missed or doubled" is checked against the store
 * itself, read through the adapter: the same records, each with as many history entries as events.
 */
import { recordIdFromStream } from '@tracker/domain';
import type { RecordedEvent } from '@tracker/event-store';
import { KurrentDbEventStore } from '@tracker/event-store/kurrentdb/index.js';
import { loadDemoData, RecordCommandExecutor } from '@tracker/tracking';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { KurrentDbProtocolDouble } from '@tracker/event-store/testing/kurrentdb-double/index.js';
import type { RunningServer } from './support/api-server.js';
import { gqlData } from './support/gql.js';
import {
  health,
  recordsInStore,
  recordEvents,
  recordSnapshot,
  startKurrentDbDouble,
  startServerOn,
  storeEvents,
  waitForReadModel,
  waitUntil,
} from './support/kurrentdb.js';
import {
  arrestInput,
  commitmentInput,
  day,
  meetingInput,
  statementInput,
  stepSources,
  taskForceInput,
} from './support/mutation-inputs.js';
import { mutate, type MutationPayload } from './support/mutations.js';
import { subscribe, type SubscriptionHandle } from './support/subscriptions.js';

interface RecordChanged {
  recordChanged: {
    recordId: string;
    kind: string;
    position: string;
    eventType: string;
    countries: string[];
    record: { id: string } | null;
  };
}

/** For the tests that start servers or load the demo dataset, on a machine shared with other work. */
const HEAVY_TEST_TIMEOUT_MS = 120_000;

const RECORD_CHANGED = `subscription($countries: [String!]) {
  recordChanged(countries: $countries) { recordId kind position eventType countries record { id } }
}`;

const assessment = (recordId: string, assessor: string) => ({
  recordId,
  assessor,
  country: 'KH',
  rating: 'LIMITED',
  rationale: 'Raids continue, but compounds reopen.',
  sources: stepSources(),
  assessedOn: '2025-03-01',
});

/** The messages a subscription has received so far, each checked to be a clean recordChanged. */
function changesOf(subscription: SubscriptionHandle<RecordChanged>) {
  return subscription.received.map((message) => {
    expect(message.errors).toBeUndefined();
    return message.data!.recordChanged;
  });
}

/** The projection checkpoint stored in a (stopped) server's read DB. */
function storedCheckpoint(server: RunningServer): string | undefined {
  const db = new DatabaseSync(join(server.dataDir, 'read.sqlite'), { readOnly: true });
  try {
    const row = db.prepare('SELECT position FROM projection_checkpoint WHERE id = 1').get() as
      { position: string } | undefined;
    return row?.position;
  } finally {
    db.close();
  }
}

describe('two API instances on one KurrentDB (protocol double)', () => {
  let double: KurrentDbProtocolDouble;
  let a: RunningServer;
  let b: RunningServer;
  let meeting: MutationPayload;
  let commitment: MutationPayload;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    [a, b] = await Promise.all([startServerOn(double), startServerOn(double)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await double?.stop();
  });

  it('run side by side on the same store, each with its own read DB', async () => {
    expect(a.dataDir).not.toBe(b.dataDir);
    // The store holds only the API tokens each instance was given (events too), no record yet.
    const events = await storeEvents(double);
    expect(recordsInStore(events).size).toBe(0);
    for (const server of [a, b]) {
      const body = await waitForReadModel(server);
      expect(body).toMatchObject({ httpStatus: 200, status: 'up' });
      expect(body.eventStore).toMatchObject({ status: 'up', store: 'kurrentdb' });
      expect(body.eventStore.details.headPosition).toBe(events.at(-1)!.position);
      expect(await recordSnapshot(server)).toEqual(new Map());
    }
  });

  it('a mutation on A reaches a live subscription and a query on B', async () => {
    const subscription = await subscribe<RecordChanged>(b, RECORD_CHANGED, { countries: ['KH'] });
    try {
      meeting = await mutate(a, 'recordMeeting', meetingInput());

      const message = await subscription.next();
      expect(message.errors).toBeUndefined();
      expect(message.data!.recordChanged).toEqual({
        recordId: meeting.recordId,
        kind: 'MEETING',
        position: meeting.position,
        eventType: 'MeetingRecorded',
        countries: expect.arrayContaining(['KH', 'CN', 'LA']),
        record: { id: meeting.recordId },
      });

      // A change notice is published after the read DB committed it: B answers for it at once.
      const data = await gqlData(
        b.url,
        'query($id: ID!) { record(id: $id) { id kind ... on Meeting { title } } }',
        {
          id: meeting.recordId,
        },
      );
      expect(data.record).toEqual({ id: meeting.recordId, kind: 'MEETING', title: meetingInput().title });
      expect((await health(b.url)).readModel.position).toBe(meeting.position);
      expect(subscription.received).toHaveLength(1);
    } finally {
      await subscription.close();
    }
  });

  it("B's commands see A's writes, and concurrent commands on one record from both instances both land", async () => {
    // B decides against the store, not its read model: the meeting A recorded is found there.
    commitment = await mutate(b, 'makeCommitment', commitmentInput(meeting.recordId));
    expect(commitment).toMatchObject({ kind: 'COMMITMENT', eventCount: 1, replayed: false });

    // Both append to the same stream at once; the loser of the race is refused by the store and decides
    // again on the fresh stream, so neither assessment is lost.
    const [fromA, fromB] = await Promise.all([
      mutate(a, 'assessCommitment', assessment(commitment.recordId, 'Human Rights Watch')),
      mutate(b, 'assessCommitment', assessment(commitment.recordId, 'UN Human Rights Office')),
    ]);
    expect([fromA.eventCount, fromB.eventCount]).toEqual([1, 1]);
    expect(fromA.position).not.toBe(fromB.position);

    await Promise.all([waitForReadModel(a), waitForReadModel(b)]);
    const inStore = recordsInStore(await storeEvents(double));
    expect(inStore.get(commitment.recordId)).toBe(3);
    const assessors = `query($id: ID!) { record(id: $id) { ... on Commitment { assessments { assessor } } } }`;
    for (const server of [a, b]) {
      expect(await recordSnapshot(server)).toEqual(inStore);
      const data = await gqlData(server.url, assessors, { id: commitment.recordId });
      expect(data.record.assessments.map((entry: { assessor: string }) => entry.assessor).sort()).toEqual([
        'Human Rights Watch',
        'UN Human Rights Office',
      ]);
    }
  });

  describe('B killed (SIGKILL) and restarted', () => {
    const whileDown: MutationPayload[] = [];
    let checkpointAtKill: string | null;

    it(
      'catches up from its checkpoint: what A recorded meanwhile appears once, nothing is doubled',
      async () => {
        checkpointAtKill = (await waitForReadModel(b)).readModel.position;
        await b.stop('SIGKILL');
        expect(b.child.signalCode).toBe('SIGKILL');
        // The checkpoint committed with the last batch survived the kill.
        expect(storedCheckpoint(b)).toBe(checkpointAtKill);

        // While B is gone: new records, and changes to records B already holds (one command of two events).
        whileDown.push(await mutate(a, 'recordStatement', statementInput()));
        whileDown.push(await mutate(a, 'reportArrest', arrestInput()));
        const taskForce = await mutate(a, 'createTaskForce', taskForceInput());
        whileDown.push(taskForce);
        whileDown.push(
          await mutate(a, 'assessCommitment', assessment(commitment.recordId, 'Example Watchdog')),
        );
        whileDown.push(
          await mutate(a, 'correctRecord', {
            recordId: meeting.recordId,
            changes: { place: 'Siem Reap' },
            reason: 'The article names another city.',
          }),
        );
        const linked = await mutate(a, 'linkEvidence', {
          recordId: commitment.recordId,
          evidenceId: taskForce.recordId,
          relation: 'SUPPORTS',
        });
        whileDown.push(linked);
        expect(whileDown.map((payload) => payload.eventCount)).toEqual([1, 1, 1, 1, 1, expect.any(Number)]);

        const replays = (server: RunningServer) =>
          server.logs.some((line) => line.includes('replaying the store'));
        expect(replays(b)).toBe(true); // its first start, on a new read DB
        b = await startServerOn(double, { dataDir: b.dataDir });
        // It resumed from the checkpoint in its read DB rather than replaying the store into a new one.
        expect(replays(b)).toBe(false);

        const [healthA, healthB] = await Promise.all([waitForReadModel(a), waitForReadModel(b)]);
        const events = await storeEvents(double);
        // Both at the store's head (the restart issued B new tokens, events after `linked`).
        expect(healthB.readModel.position).toBe(events.at(-1)!.position);
        expect(healthA.readModel.position).toBe(healthB.readModel.position);
        expect(healthB.readModel.position! >= linked.position).toBe(true);
        expect(linked.position > checkpointAtKill!).toBe(true);

        expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
        const inStore = recordsInStore(events);
        const onA = await recordSnapshot(a);
        const onB = await recordSnapshot(b);
        // The same records on both, each with exactly as many history entries as its stream has events.
        expect(onB).toEqual(inStore);
        expect(onA).toEqual(inStore);
        for (const created of whileDown.slice(0, 3)) expect(onB.get(created.recordId)).toBe(1);
        expect(onB.get(commitment.recordId)).toBe(4 + linked.eventCount);
        expect(onB.get(meeting.recordId)).toBe(2);

        const place = await gqlData(
          b.url,
          'query($id: ID!) { record(id: $id) { ... on Meeting { place } } }',
          {
            id: meeting.recordId,
          },
        );
        expect(place.record).toEqual({ place: 'Siem Reap' });
      },
      HEAVY_TEST_TIMEOUT_MS,
    );

    it("then delivers each later change once to a subscription on B, A's and its own", async () => {
      const subscription = await subscribe<RecordChanged>(b, RECORD_CHANGED);
      try {
        const before = (await health(a.url)).eventStore.details.headPosition!;
        const later = [
          await mutate(a, 'reportArrest', { ...arrestInput(), place: 'Bavet' }),
          await mutate(a, 'correctRecord', {
            recordId: whileDown[0]!.recordId,
            changes: { speaker: 'Hun Manet', office: 'Prime Minister' },
            reason: 'Shorter title.',
          }),
          await mutate(b, 'dissolveTaskForce', {
            recordId: whileDown[2]!.recordId,
            on: day('2025-06-01'),
            reason: 'Merged into the national commission.',
            sources: stepSources(),
          }),
          // Last, so that a second delivery of any change above would have come before it.
          await mutate(a, 'recordStatement', { ...statementInput(), speaker: 'Sok Chenda Sophea' }),
        ];
        const last = later.at(-1)!;
        await waitUntil(
          'the subscription on B has received the last change',
          async () => changesOf(subscription),
          (changes) => changes.some((change) => change.position === last.position),
        );

        // Exactly the events appended since, in store order: none missed, none twice.
        const appended = (await recordEvents(double)).filter((event) => event.position > before);
        expect(appended.map((event) => event.position)).toContain(last.position);
        expect(
          changesOf(subscription).map((change) => [change.recordId, change.position, change.eventType]),
        ).toEqual(appended.map((event) => [recordIdFromStream(event.stream), event.position, event.type]));
        expect(appended.map((event) => event.type)).toEqual([
          'ArrestReported',
          'RecordCorrected',
          'TaskForceDissolved',
          'StatementRecorded',
        ]);
      } finally {
        await subscription.close();
      }
    });
    it('each derives the same transparency log from $all, B across its crash: the same leaves, the same proofs', async () => {
      const size = (await storeEvents(double)).length;
      const logs = await Promise.all(
        [a, b].map((server) =>
          waitUntil(
            'the log has every event of the store',
            () => gqlData(server.url, '{ transparencyLog { treeSize } }'),
            (data) => data.transparencyLog.treeSize === size,
          ),
        ),
      );
      expect(logs.map((data) => data.transparencyLog.treeSize)).toEqual([size, size]);
      // Any difference in any leaf, or its order, would change these hashes.
      const proofs = await Promise.all(
        [a, b].map((server) =>
          gqlData(server.url, `{ consistencyProof(fromSize: 3, toSize: ${size}) { hashes } }`),
        ),
      );
      expect(proofs[0].consistencyProof.hashes.length).toBeGreaterThan(0);
      expect(proofs[1]).toEqual(proofs[0]);
      const histories = await Promise.all(
        [a, b].map((server) =>
          gqlData(server.url, `query($id: ID!) { history(recordId: $id) { edges { node { leafIndex } } } }`, {
            id: meeting.recordId,
          }),
        ),
      );
      expect(histories[0].history.edges[0].node.leafIndex).toEqual(expect.any(Number));
      expect(histories[1]).toEqual(histories[0]);
    });
  });
});

describe('two instances started together on an empty KurrentDB, both loading the demo dataset', () => {
  let double: KurrentDbProtocolDouble;
  let reference: KurrentDbProtocolDouble;
  let servers: RunningServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await double?.stop();
    await reference?.stop();
  });

  it(
    'record it once between them: the same events as one instance alone, none twice',
    async () => {
      double = await startKurrentDbDouble();
      // Both see an empty store and may load at the same time; the fixed idempotency key of each demo
      // command makes the second attempt recognise the first (or the store refuse it) instead of doubling it.
      servers = await Promise.all(
        [1, 2].map(() => startServerOn(double, { env: { TRACKER_DEMO_DATA: 'true' } })),
      );
      const healths = await Promise.all(servers.map(waitForReadModel));
      expect(healths[0]!.readModel.position).toBe(healths[1]!.readModel.position);

      // The reference: the dataset loaded once, by one loader, into a store of its own.
      reference = await startKurrentDbDouble();
      const store = await KurrentDbEventStore.connect({
        connectionString: `${reference.connectionString}&discoveryInterval=10`,
        logger: { warn: () => undefined, info: () => undefined },
      });
      try {
        const loaded = await loadDemoData(store, new RecordCommandExecutor({ store }));
        expect(loaded.loaded).toBe(true);
      } finally {
        await store.close();
      }

      const streamsOf = (events: RecordedEvent[]) => {
        const streams = new Map<string, string[]>();
        for (const event of events)
          streams.set(event.stream, [...(streams.get(event.stream) ?? []), event.id]);
        return streams;
      };
      // API tokens are events too, but only in the servers' store: compare the records' streams.
      const events = await recordEvents(double);
      const expected = await recordEvents(reference);
      expect(expected.length).toBeGreaterThan(0);
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      expect(streamsOf(events)).toEqual(streamsOf(expected));

      const inStore = recordsInStore(events);
      for (const server of servers) expect(await recordSnapshot(server)).toEqual(inStore);
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
