import { startApiServer, type RunningServer } from './support/api-server.js';
import { gqlData } from './support/gql.js';
import {
  arrestInput,
  commitmentInput,
  detentionInput,
  meetingInput,
  taskForceInput,
} from './support/mutation-inputs.js';
import { mutate } from './support/mutations.js';
import { subscribe, type SubscriptionHandle } from './support/subscriptions.js';

/*
 * graphql-ws subscriptions against a real server: several clients, each on its own WebSocket with its own
 * filter, and one more client changing the record over HTTP. Changes reach a subscriber in the order they
 * were made, so each scenario ends with a change every subscriber follows: whatever a subscriber should
 * not get was made before it, and would have arrived before it.
 */
const FOLLOW = `subscription($countries: [String!], $kinds: [RecordKind!]) {
  recordChanged(countries: $countries, kinds: $kinds) {
    recordId kind countries eventType position
    record { id kind }
  }
}`;

/** The next `count` changes a subscriber receives. */
async function nextChanges(handle: SubscriptionHandle<any>, count: number) {
  const changes: { recordId: string; kind: string; position: string; eventType: string }[] = [];
  for (let i = 0; i < count; i++) {
    const result = await handle.next();
    expect(result.errors).toBeUndefined();
    changes.push(result.data.recordChanged);
  }
  return changes;
}

const vietnam = (input: Record<string, any>) => ({
  ...input,
  countries: [{ code: 'VN', role: 'ACTING' }],
});

describe('subscriptions', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("delivers one client's mutations to every other client whose filter they match, and only those", async () => {
    const reader = { token: server.tokens.reader };
    const detentionsOnly = await subscribe(server, FOLLOW, { kinds: ['DETENTION'] }, reader);
    const vietnamOnly = await subscribe(server, FOLLOW, { countries: ['VN'] }, reader);
    const everything = await subscribe(server, FOLLOW, {}, reader);
    // Reading is public by default: a dashboard without a token follows everything too.
    const anonymous = await subscribe(server, FOLLOW);
    try {
      const recorder = { token: server.tokens.recorder };
      const khArrest = await mutate(server, 'reportArrest', arrestInput(), recorder);
      const vnArrest = await mutate(server, 'reportArrest', vietnam(arrestInput()), recorder);
      const khDetention = await mutate(server, 'reportDetention', detentionInput(), recorder);
      const vnDetention = await mutate(server, 'reportDetention', vietnam(detentionInput()), recorder);
      const made = [khArrest, vnArrest, khDetention, vnDetention];

      const seen = (changes: { recordId: string }[]) => changes.map((c) => c.recordId);
      const all = made.map((m) => m.recordId);
      const everyChange = await nextChanges(everything, 4);
      expect(seen(everyChange)).toEqual(all);
      expect(everyChange.map((c) => c.position)).toEqual(made.map((m) => m.position));
      expect(everyChange.map((c) => c.eventType)).toEqual([
        'ArrestReported',
        'ArrestReported',
        'JournalistDetained',
        'JournalistDetained',
      ]);
      expect(seen(await nextChanges(anonymous, 4))).toEqual(all);
      expect(seen(await nextChanges(detentionsOnly, 2))).toEqual([
        khDetention.recordId,
        vnDetention.recordId,
      ]);
      expect(seen(await nextChanges(vietnamOnly, 2))).toEqual([vnArrest.recordId, vnDetention.recordId]);
      // The last change matched every filter; anything a filter should have held back came before it.
      expect(detentionsOnly.received).toHaveLength(2);
      expect(vietnamOnly.received).toHaveLength(2);
      expect(everything.received).toHaveLength(4);
    } finally {
      await Promise.all([detentionsOnly, vietnamOnly, everything, anonymous].map((h) => h.close()));
    }
  });

  it('delivers lifecycle changes with the record as projected, to two subscribers alike', async () => {
    const detention = await mutate(server, 'reportDetention', detentionInput());
    const query = `subscription($countries: [String!]) {
      recordChanged(countries: $countries, kinds: [DETENTION]) {
        recordId eventType position
        record { ... on Detention { status charges } }
      }
    }`;
    const first = await subscribe(server, query, { countries: ['KH'] });
    const second = await subscribe(server, query, { countries: ['kh'] }); // codes are matched as ISO codes
    try {
      const charged = await mutate(server, 'chargeDetention', {
        recordId: detention.recordId,
        on: { date: '2025-01-15', precision: 'DAY' },
        charges: ['incitement'],
        sources: [{ url: 'https://example.org/e2e/charged' }],
      });
      const expected = {
        recordId: detention.recordId,
        eventType: 'DetentionCharged',
        position: charged.position,
        record: { status: 'CHARGED', charges: ['incitement'] },
      };
      expect((await first.next()).data.recordChanged).toEqual(expected);
      expect((await second.next()).data.recordChanged).toEqual(expected);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('serves one selection to many subscribers, whoever they are, and keeps serving those who stay', async () => {
    const variables = { countries: ['KH'], kinds: ['ARREST'] };
    const anonymous = await subscribe(server, FOLLOW, variables);
    const reader = await subscribe(server, FOLLOW, variables, { token: server.tokens.reader });
    const leaving = await subscribe(server, FOLLOW, variables, { token: server.tokens.recorder });
    try {
      const first = await mutate(server, 'reportArrest', arrestInput());
      for (const handle of [anonymous, reader, leaving]) {
        expect((await nextChanges(handle, 1)).map((c) => c.recordId)).toEqual([first.recordId]);
      }
      await leaving.close();
      const second = await mutate(server, 'reportArrest', arrestInput());
      for (const handle of [anonymous, reader]) {
        expect(await nextChanges(handle, 1)).toEqual([
          expect.objectContaining({
            recordId: second.recordId,
            record: { id: second.recordId, kind: 'ARREST' },
          }),
        ]);
      }
    } finally {
      await Promise.all([anonymous, reader].map((h) => h.close()));
    }
    // Everyone left: a newcomer to the same selection starts it again and hears the next change.
    const newcomer = await subscribe(server, FOLLOW, variables);
    try {
      const third = await mutate(server, 'reportArrest', arrestInput());
      expect((await nextChanges(newcomer, 1)).map((c) => c.recordId)).toEqual([third.recordId]);
    } finally {
      await newcomer.close();
    }
  });

  it('refuses a subscription whose filter names no ISO country, saying which one', async () => {
    const refused = await subscribe(server, FOLLOW, { countries: ['KH', 'Kampuchea'] });
    try {
      const errors = await refused.failed();
      expect(errors[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'countries[1]', reasons: [expect.stringMatching(/ISO 3166-1 alpha-2/)] }],
      });
      expect(refused.received).toEqual([]);
    } finally {
      await refused.close();
    }
  });
});

describe('subscriptions: records leaving a view, statuses evidence set', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("tells a country's followers when a correction takes a record away from it, with the countries after", async () => {
    const vietnamOnly = await subscribe(
      server,
      `subscription { recordChanged(countries: ["VN"]) { recordId eventType countries countriesRemoved } }`,
    );
    try {
      const arrest = await mutate(server, 'reportArrest', vietnam(arrestInput()));
      await mutate(server, 'correctRecord', {
        recordId: arrest.recordId,
        changes: { countries: [{ code: 'TH', role: 'ACTING' }] },
        reason: 'It was Thailand',
      });
      expect((await vietnamOnly.next()).data.recordChanged).toMatchObject({ eventType: 'ArrestReported' });
      expect((await vietnamOnly.next()).data.recordChanged).toEqual({
        recordId: arrest.recordId,
        eventType: 'RecordCorrected',
        countries: expect.not.arrayContaining(['VN']),
        countriesRemoved: ['VN'],
      });
    } finally {
      await vietnamOnly.close();
    }
  });

  it('derives the automatic LIMITED from the supporting record standing: retracted, it no longer counts', async () => {
    const meeting = await mutate(server, 'recordMeeting', meetingInput());
    const commitment = await mutate(server, 'makeCommitment', commitmentInput(meeting.recordId));
    const taskForce = await mutate(server, 'createTaskForce', taskForceInput());
    await mutate(server, 'linkEvidence', {
      recordId: commitment.recordId,
      evidenceId: taskForce.recordId,
      relation: 'SUPPORTS',
      countries: ['KH'],
    });
    const read = async () => {
      const data = await gqlData(
        server.url,
        `{
          record(id: "${commitment.recordId}") { ... on Commitment { signatories { country { code } implementation } } }
          country(code: "KH") { stats { commitmentsByImplementation { status count } } }
        }`,
      );
      const kh = data.record.signatories.find((s: { country: { code: string } }) => s.country.code === 'KH');
      const count = (status: string) =>
        data.country.stats.commitmentsByImplementation.find((c: { status: string }) => c.status === status)
          .count;
      return { status: kh.implementation, limited: count('LIMITED'), noEvidence: count('NO_EVIDENCE') };
    };
    const linked = await read();
    expect(linked.status).toBe('LIMITED');
    const statuses = await subscribe(
      server,
      `subscription { commitmentStatusChanged(countries: ["KH"]) { recordId from to eventType } }`,
    );
    await mutate(server, 'retractRecord', { recordId: taskForce.recordId, reason: 'Never existed' });
    expect((await statuses.next()).data.commitmentStatusChanged).toEqual({
      recordId: commitment.recordId,
      from: 'LIMITED',
      to: 'NO_EVIDENCE',
      eventType: 'SupportingRecordStandingChanged',
    });
    await statuses.close();
    const retracted = await read();
    expect(retracted).toEqual({
      status: 'NO_EVIDENCE',
      limited: linked.limited - 1,
      noEvidence: linked.noEvidence + 1,
    });
    await mutate(server, 'correctRetraction', {
      recordId: taskForce.recordId,
      reason: 'It did exist after all',
      reinstate: true,
    });
    expect(await read()).toEqual(linked);
  });

  it('takes the automatic LIMITED back when its last supporting evidence is unlinked, and says so', async () => {
    const statuses = await subscribe(
      server,
      `subscription { commitmentStatusChanged(countries: ["KH"]) { recordId from to } }`,
    );
    try {
      const meeting = await mutate(server, 'recordMeeting', meetingInput());
      const commitment = await mutate(server, 'makeCommitment', commitmentInput(meeting.recordId));
      const taskForce = await mutate(server, 'createTaskForce', taskForceInput());
      const evidence = { recordId: commitment.recordId, evidenceId: taskForce.recordId };
      await mutate(server, 'linkEvidence', { ...evidence, relation: 'SUPPORTS', countries: ['KH'] });
      await mutate(server, 'unlinkEvidence', { ...evidence, reason: 'Created for another purpose' });
      expect((await statuses.next()).data.commitmentStatusChanged).toEqual({
        recordId: commitment.recordId,
        from: 'NO_EVIDENCE',
        to: 'LIMITED',
      });
      expect((await statuses.next()).data.commitmentStatusChanged).toEqual({
        recordId: commitment.recordId,
        from: 'LIMITED',
        to: 'NO_EVIDENCE',
      });
      const read = await gqlData(
        server.url,
        `{ record(id: "${commitment.recordId}") { ... on Commitment { signatories { country { code } implementation } } } }`,
      );
      expect(read.record.signatories).toContainEqual({
        country: { code: 'KH' },
        implementation: 'NO_EVIDENCE',
      });
    } finally {
      await statuses.close();
    }
  });
});
