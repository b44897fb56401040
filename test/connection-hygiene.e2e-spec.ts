import { connect } from 'node:net';
import WebSocket from 'ws';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { gqlData } from './support/gql.js';
import { figureInput } from './support/mutation-inputs.js';
import { mutate, storeHead } from './support/mutations.js';

/*
 * What graphql-ws asks of a server and HTTP clients that stall, against the running server with short
 * limits: every refusal is a close with its documented code, and the server keeps serving others.
 */

const SUBSCRIPTION = 'subscription { recordChanged(countries: ["KH"]) { recordId position } }';

interface Closed {
  code: number;
  reason: string;
}

function openSocket(server: RunningServer): Promise<WebSocket> {
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<Closed> {
  return new Promise((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

function nextMessage(
  socket: WebSocket,
  type: string,
): Promise<{ id?: string; type?: string; payload?: unknown }> {
  return new Promise((resolve) => {
    const listener = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: unknown };
      if (message.type !== type) return;
      socket.off('message', listener);
      resolve(message);
    };
    socket.on('message', listener);
  });
}

async function initialised(server: RunningServer): Promise<WebSocket> {
  const socket = await openSocket(server);
  const ack = nextMessage(socket, 'connection_ack');
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await ack;
  return socket;
}

describe('connection hygiene', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({
      env: {
        TRACKER_WS_INIT_TIMEOUT_MS: '300',
        TRACKER_WS_KEEP_ALIVE_MS: '400',
        TRACKER_HTTP_REQUEST_TIMEOUT_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('closes a graphql-ws connection that never sends connection_init with 4408', async () => {
    const socket = await openSocket(server);
    expect(await closed(socket)).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    // One that does initialise in time stays open past the timeout.
    const kept = await initialised(server);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(kept.readyState).toBe(WebSocket.OPEN);
    kept.close();
  });

  it('pings every connection, keeps one that answers, and drops one that does not', async () => {
    const answering = await initialised(server);
    let pings = 0;
    answering.on('ping', () => pings++);
    // A client that never answers a ping (ws answers by itself unless told not to).
    const silent = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      autoPong: false,
    });
    await new Promise((resolve) => silent.once('open', resolve));
    const ack = nextMessage(silent, 'connection_ack');
    silent.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await ack;
    const dropped = closed(silent);
    // Pinged at 400 ms, dropped when the next ping finds no pong (800 ms); 1006: no close frame.
    expect((await dropped).code).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });

  it('closes a connection that subscribes twice under one id with 4409; the id is free again once completed', async () => {
    const socket = await initialised(server);
    socket.send(JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    socket.send(JSON.stringify({ id: 'a', type: 'complete' }));
    // Completed by the client: the id may be used again.
    socket.send(JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    const closing = closed(socket);
    socket.send(JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    expect(await closing).toEqual({ code: 4409, reason: 'Subscriber for a already exists' });

    // Nothing of it lingers: another client subscribes and hears a change as usual.
    const other = await initialised(server);
    other.send(JSON.stringify({ id: 'b', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = nextMessage(other, 'next');
    const { recordId } = await mutate(server, 'reportFigure', figureInput());
    expect(await next).toMatchObject({ id: 'b', payload: { data: { recordChanged: { recordId } } } });
    other.close();
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'query=mutation%7BretractRecord%7D'],
    ['a bare GraphQL document', 'application/graphql', 'mutation { retractRecord }'],
    ['text', 'text/plain', '{"query":"{ __typename }"}'],
  ])('refuses %s with 415 UNSUPPORTED_MEDIA_TYPE, writing nothing', async (_, contentType, body) => {
    const head = await storeHead(server.url);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${server.tokens.reviewer}` },
      body,
    });
    expect(response.status).toBe(415);
    const answer = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(answer.errors.map((error) => error.extensions.code)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    expect(await storeHead(server.url)).toBe(head);
  });

  it.each([
    ['an invalid byte', Buffer.from([0x42, 0x69, 0xff])],
    ['an overlong sequence', Buffer.from([0x42, 0xc0, 0xaf])],
    ['a truncated sequence', Buffer.from([0x42, 0x69, 0xea, 0xcc])],
  ])('refuses a JSON body with %s (not UTF-8) with 400 BAD_REQUEST, writing nothing', async (_, bytes) => {
    const head = await storeHead(server.url);
    const body = JSON.stringify({
      query: 'mutation($input: ReportFigureInput!) { reportFigure(input: $input) { recordId } }',
      variables: { input: { ...figureInput(), claimant: '@@CLAIMANT@@' } },
    });
    const [before, after] = body.split('@@CLAIMANT@@');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.reviewer}` },
      body: Buffer.concat([Buffer.from(before!), bytes, Buffer.from(after!)]),
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(answer.errors).toEqual([
      {
        message: 'The request body is not valid UTF-8: send the JSON encoded in UTF-8.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    expect(await storeHead(server.url)).toBe(head);
    // The same text in UTF-8 is recorded exactly.
    const claimant = 'Biền Hà ក្រសួង';
    const recorded = await mutate(server, 'reportFigure', { ...figureInput(), claimant });
    const read = await gqlData(
      server.url,
      `{ record(id: "${recorded.recordId}") { ... on Figure { claimant } } }`,
    );
    expect(read.record.claimant).toBe(claimant);
  });

  it.each(['1', '{"a": 1}', '  [1, 2]', 'null', '"text"'])(
    'answers a query that is JSON (%s) as a syntax error, and an ordinary document as usual',
    async (query) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const answer = (await response.json()) as { errors?: { message: string }[] };
      expect(answer.errors?.[0]?.message).toBe('Syntax Error: the query is JSON, not a GraphQL document.');
      const ordinary = await gqlData(server.url, '{ __typename }');
      expect(ordinary).toEqual({ __typename: 'Query' });
    },
  );

  it('refuses a query or mutation sent over graphql-ws with a code, and says where to send it', async () => {
    const socket = await initialised(server);
    const head = await storeHead(server.url);
    const error = nextMessage(socket, 'error');
    socket.send(
      JSON.stringify({
        id: 'm',
        type: 'subscribe',
        payload: { query: 'mutation { retractRecord(input: { recordId: "x", reason: "y" }) { position } }' },
      }),
    );
    expect(await error).toEqual({
      id: 'm',
      type: 'error',
      payload: [
        {
          message:
            'Only subscriptions are taken over graphql-ws: send the mutation over HTTP (POST /graphql).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(await storeHead(server.url)).toBe(head);
    socket.close();
  });

  it('cuts an HTTP request whose body stalls', async () => {
    expect.hasAssertions();
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    await new Promise((resolve) => socket.once('close', resolve));
    // Cut once idle for the timeout (1 s here), long before Node's default of five minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer).toBe('');
    // The server goes on answering.
    expect((await fetch(`${server.url}/health`)).ok).toBe(true);
  });
});

describe('a server shutting down', () => {
  it('closes each graphql-ws connection with 1001 Going Away, saying so, then exits 0', async () => {
    const server = await startApiServer();
    const socket = await initialised(server);
    socket.send(JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    const closing = closed(socket);
    const exited = server.stop('SIGTERM');
    expect(await closing).toEqual({ code: 1001, reason: 'The server is shutting down: reconnect' });
    expect(await exited).toBe(0);
  });
});
