import { spawnSync } from 'node:child_process';
import type { Role } from '@tracker/tracking';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApiServer, withTokenStore, type RunningServer } from './support/api-server.js';
import { errorCodes, gql, gqlData, type GqlError } from './support/gql.js';
import { MUTATION_CASES } from './support/mutation-cases.js';
import { meetingInput, statementInput } from './support/mutation-inputs.js';
import { mutate, storeHead, tryMutate } from './support/mutations.js';
import { subscribe, waitForLog } from './support/subscriptions.js';

const ignoreSink = { next: () => {}, error: () => {}, complete: () => {} };

/*
 * Who may change the record, over real HTTP and graphql-ws against a real server: every mutation under
 * every role, tokens that are unknown, malformed, expired or revoked, the actor in history, and reading
 * with TRACKER_PUBLIC_READ on and off.
 */

/**
 * The rule, stated here on its own: reviewers judge (assess, set status, correct, retract, and
 * decide that two actors are one).
 */
const REVIEWER_ONLY = new Set([
  'mergeActor',
  'assessCommitment',
  'setImplementationStatus',
  'correctRecord',
  'retractRecord',
  'correctRetraction',
]);
const RANK: Role[] = ['reader', 'recorder', 'reviewer', 'admin'];
const requiredRole = (mutation: string): Role => (REVIEWER_ONLY.has(mutation) ? 'reviewer' : 'recorder');
const allowed = (role: Role, mutation: string) => RANK.indexOf(role) >= RANK.indexOf(requiredRole(mutation));

const HISTORY = `query($id: ID!) { history(recordId: $id, first: 100) { edges { node { type actor } } } }`;

async function lastActor(server: RunningServer, recordId: string) {
  const data = await gqlData(server.url, HISTORY, { id: recordId });
  return data.history.edges.at(-1).node.actor;
}

/**
 * Issues a token into the server's event store, as the CLI does (the server sees it at its next check).
 * `issuedAt` back-dates it, so a token can be issued that has already expired.
 */
function addToken(server: RunningServer, name: string, role: Role, expiresAt?: Date, issuedAt?: Date) {
  return withTokenStore(
    server,
    (tokens) => tokens.create(name, role, expiresAt),
    () => issuedAt ?? new Date(),
  );
}

function revokeToken(server: RunningServer, id: string) {
  return withTokenStore(server, (tokens) => tokens.revoke(id));
}

describe('access control', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  describe.each(Object.keys(MUTATION_CASES))('%s', (mutation) => {
    it('refuses anonymous callers with UNAUTHENTICATED (401) and writes nothing', async () => {
      const input = await MUTATION_CASES[mutation]!(server);
      const head = await storeHead(server.url);
      const result = await tryMutate(server, mutation, input, { token: null });
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0]!.message).toMatch(/needs a bearer token with role (recorder|reviewer)/);
      expect(await storeHead(server.url)).toBe(head);
    });

    it.each(RANK)('as %s: allowed exactly when the role reaches the one it needs', async (role) => {
      const input = await MUTATION_CASES[mutation]!(server);
      const head = await storeHead(server.url);
      const result = await tryMutate(server, mutation, input, { token: server.tokens[role] });
      if (allowed(role, mutation)) {
        expect(result.errors).toBeUndefined();
        const payload = result.data![mutation]!;
        expect(payload.position > head!).toBe(true);
        // The token's name is the actor of what it changed.
        expect(await lastActor(server, payload.recordId)).toBe(`e2e-${role}`);
      } else {
        expect(result.status).toBe(403);
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
        expect(result.errors![0]!.message).toContain(`the token "e2e-${role}" is ${role}`);
        expect(result.data).toBeUndefined();
        expect(await storeHead(server.url)).toBe(head);
      }
    });
  });

  it('runs none of the mutations of a document when one of them is forbidden (fragments included)', async () => {
    const head = await storeHead(server.url);
    const result = await gql(
      server.url,
      `mutation($m: RecordMeetingInput!, $r: RetractRecordInput!) {
        recordMeeting(input: $m) { recordId }
        ...Retract
      }
      fragment Retract on Mutation { retractRecord(input: $r) { recordId } }`,
      { m: meetingInput(), r: { recordId: '0190d3c0-0000-7000-8000-000000000000', reason: 'x' } },
      { token: server.tokens.recorder },
    );
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await storeHead(server.url)).toBe(head);
  });

  it.each([
    ['an unknown token', 'Bearer trk_not-a-token', /Unknown API token/],
    ['another scheme', 'Basic dXNlcjpwYXNz', /must be "Bearer <token>"/],
    ['a bare scheme', 'Bearer', /must be "Bearer <token>"/],
  ])('refuses %s, for reading too, rather than reading as nobody', async (_, authorization, message) => {
    for (const query of [`{ countries { code } }`, `mutation { __typename }`]) {
      const result = await gql(server.url, query, undefined, { headers: { authorization } });
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0]!.message).toMatch(message);
    }
  });

  it('refuses an expired token, naming it', async () => {
    const hour = 3_600_000;
    const expired = await addToken(
      server,
      'Expired Org',
      'admin',
      new Date(Date.now() - hour),
      new Date(Date.now() - 2 * hour),
    );
    const head = await storeHead(server.url);
    const result = await tryMutate(server, 'recordStatement', statementInput(), { token: expired.secret });
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.message).toBe('The API token "Expired Org" has expired');
    expect(await storeHead(server.url)).toBe(head);
  });

  it('refuses a token from the moment it is revoked (by another process), without a restart', async () => {
    const issued = await addToken(server, 'Soon Revoked', 'recorder');
    await mutate(server, 'recordStatement', statementInput(), { token: issued.secret });
    expect(await revokeToken(server, issued.info.id)).toBe(true);

    const head = await storeHead(server.url);
    const result = await tryMutate(server, 'recordStatement', statementInput(), { token: issued.secret });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.message).toBe('The API token "Soon Revoked" was revoked');
    expect(await storeHead(server.url)).toBe(head);
  });

  it('a token made with the CLI writes under its name, and history shows it', () => {
    const created = spawnSync(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'tokens', 'create', '--name', 'Licadho', '--role', 'recorder'],
      { env: { ...process.env, TRACKER_DATA_DIR: server.dataDir }, encoding: 'utf8' },
    );
    expect(created.status).toBe(0);
    const secret = /^(trk_\S+)$/m.exec(created.stdout)![1]!;
    return mutate(server, 'recordStatement', statementInput(), { token: secret }).then(async (payload) => {
      const data = await gqlData(server.url, HISTORY, { id: payload.recordId });
      expect(data.history.edges).toEqual([{ node: { type: 'StatementRecorded', actor: 'Licadho' } }]);
    });
  });

  describe('subscriptions', () => {
    const RECORD_CHANGED = `subscription { recordChanged { recordId kind } }`;

    it('check the token again for each subscription on a connection: once revoked, nothing more starts', async () => {
      const issued = await addToken(server, 'Revoked Midway', 'reader');
      let sequence = 0;
      const client = createClient({
        url: `${server.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        generateID: () => `revoked-midway-${process.pid}-${++sequence}`,
        connectionParams: { Authorization: `Bearer ${issued.secret}` },
      });
      try {
        // The first starts under the token as it was at connection_init...
        const first = `revoked-midway-${process.pid}-1`;
        const started = waitForLog(
          server,
          (line) => line.includes('Subscription started') && line.includes(first),
        );
        client.subscribe({ query: 'subscription { recordChanged { recordId } }' }, ignoreSink);
        await started;
        expect(await revokeToken(server, issued.info.id)).toBe(true);
        // ...the next one on the same connection finds it revoked.
        const errors = await new Promise<readonly GqlError[]>((resolve) =>
          client.subscribe(
            { query: 'subscription { commitmentStatusChanged { recordId } }' },
            { ...ignoreSink, error: (error) => resolve(error as GqlError[]) },
          ),
        );
        expect(errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
        expect(errors[0]!.message).toBe('The API token "Revoked Midway" was revoked');
      } finally {
        await client.dispose();
      }
    });

    it('authenticate in connection_init and get what a mutation records', async () => {
      const subscription = await subscribe(server, RECORD_CHANGED, undefined, {
        token: server.tokens.reader,
      });
      try {
        const payload = await mutate(server, 'recordStatement', statementInput());
        expect((await subscription.next()).data).toEqual({
          recordChanged: { recordId: payload.recordId, kind: 'STATEMENT' },
        });
      } finally {
        await subscription.close();
      }
    });

    it('refuse a revoked token sent in connection_init, with UNAUTHENTICATED', async () => {
      const issued = await addToken(server, 'Revoked Reader', 'reader');
      expect(await revokeToken(server, issued.info.id)).toBe(true);
      const subscription = await subscribe(server, RECORD_CHANGED, undefined, { token: issued.secret });
      const errors = await subscription.failed();
      await subscription.close();
      expect(errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(errors[0]!.message).toBe('The API token "Revoked Reader" was revoked');
    });
  });
});

describe('access control with TRACKER_PUBLIC_READ=false', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false', TRACKER_PUBLIC_READ: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses anonymous queries and answers any token', async () => {
    const anonymous = await gql(server.url, `{ countries { code } }`);
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors![0]!.message).toMatch(/Reading needs a bearer token/);
    for (const role of RANK) {
      expect(
        await gqlData(server.url, `{ countries { code } }`, undefined, { token: server.tokens[role] }),
      ).toEqual({
        countries: [],
      });
    }
  });

  it('refuses anonymous exports and the NDJSON feed as GraphQL does, and serves them to any token', async () => {
    for (const path of ['/exports/records.csv', '/exports/records.ndjson', '/changes.ndjson']) {
      const anonymous = await fetch(`${server.url}${path}`);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      expect(await anonymous.json()).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^Reading needs a bearer token on this server/),
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
      const badToken = await fetch(`${server.url}${path}`, {
        headers: { authorization: 'Bearer trk_not-a-token' },
      });
      expect({ path, status: badToken.status }).toEqual({ path, status: 401 });
      const reader = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${server.tokens.reader}` },
      });
      expect({ path, status: reader.status }).toEqual({ path, status: 200 });
    }
  });

  it('tells a caller who may not read nothing of the schema: no suggestions for a mistyped field', async () => {
    const anonymous = await gql(server.url, `{ recrds { id } }`);
    expect(errorCodes(anonymous)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(anonymous.errors![0]!.message).toBe('Cannot query field "recrds" on type "Query".');
    const badToken = await gql(server.url, `{ recrds { id } }`, undefined, { token: 'trk_not-a-token' });
    expect(JSON.stringify(badToken.errors)).not.toContain('Did you mean');
    const reader = await gql(server.url, `{ recrds { id } }`, undefined, { token: server.tokens.reader });
    expect(reader.errors![0]!.message).toMatch(/Did you mean "records" or "record"\?$/);
  });

  it('refuses anonymous subscriptions and lets a reader subscribe', async () => {
    const query = `subscription { recordChanged { recordId } }`;
    const anonymous = await subscribe(server, query);
    const errors = await anonymous.failed();
    await anonymous.close();
    expect(errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);

    const reader = await subscribe(server, query, undefined, { token: server.tokens.reader });
    try {
      const payload = await mutate(server, 'recordMeeting', meetingInput(), {
        token: server.tokens.recorder,
      });
      expect((await reader.next()).data).toEqual({ recordChanged: { recordId: payload.recordId } });
    } finally {
      await reader.close();
    }
  });
});
