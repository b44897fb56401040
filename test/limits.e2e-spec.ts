import { createClient, type Client } from 'graphql-ws';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { errorCodes, gql, gqlData, graphqlEndpoint, type GqlError } from './support/gql.js';
import { detentionInput, meetingInput } from './support/mutation-inputs.js';
import { mutate, storeHead, tryMutate } from './support/mutations.js';
import { waitForLog } from './support/subscriptions.js';

/*
 * Every limit of the API reached over real HTTP and real graphql-ws against the running server: what
 * the client is told (code, message, status), that nothing was written, and that the server still
 * answers. No timing: the rate limit's window is an hour and the test counts requests.
 */

const HEALTHY = '{ serverInfo { eventStore } }';
/** A GraphQL-over-HTTP client of today: request errors come with 400. */
const MODERN = { accept: 'application/graphql-response+json' };

interface RawResponse {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: GqlError[] };
}

/** POSTs a body exactly as given (a batch, an oversized document...). */
async function postRaw(
  url: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(graphqlEndpoint(url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as RawResponse['body'],
  };
}

async function stillAnswers(server: RunningServer, token?: string): Promise<void> {
  expect(await gqlData(server.url, HEALTHY, undefined, token === undefined ? {} : { token })).toEqual({
    serverInfo: { eventStore: 'sqlite' },
  });
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
}

/** One graphql-ws connection, on which any number of subscriptions can be started. */
class Connection {
  private static sequence = 0;
  private nextId = '';
  readonly client: Client;

  /** `upgradeHeaders` go with the WebSocket upgrade request (an `Authorization` header, say). */
  constructor(
    private readonly server: RunningServer,
    options: { upgradeHeaders?: Record<string, string> } = {},
  ) {
    const headers = options.upgradeHeaders;
    this.client = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl:
        headers === undefined
          ? WebSocket
          : class extends WebSocket {
              constructor(address: string, protocols?: string | string[]) {
                super(address, protocols, { headers });
              }
            },
      generateID: () => this.nextId,
      retryAttempts: 0,
    });
  }

  /**
   * Subscribes: `started` resolves once the server logs that it listens, `failed` with a refusal, and
   * `until(matches)` once an event that matches has been received.
   */
  subscribe(query: string) {
    const id = `limits-${process.pid}-${++Connection.sequence}`;
    this.nextId = id;
    const received: unknown[] = [];
    const waiting: { matches: (event: unknown) => boolean; resolve: () => void }[] = [];
    let onError: (errors: readonly GqlError[]) => void = () => {};
    const failed = new Promise<readonly GqlError[]>((resolve) => (onError = resolve));
    const stop = this.client.subscribe(
      { query },
      {
        next: (event) => {
          received.push(event);
          for (const waiter of waiting.filter((candidate) => candidate.matches(event))) waiter.resolve();
        },
        error: (error) => onError(Array.isArray(error) ? error : [{ message: String(error) }]),
        complete: () => {},
      },
    );
    const started = waitForLog(
      this.server,
      (line) => line.includes('Subscription started') && line.includes(`"subscriptionId":"${id}"`),
    );
    const until = (matches: (event: unknown) => boolean) =>
      new Promise<void>((resolve) => {
        if (received.some(matches)) resolve();
        else waiting.push({ matches, resolve });
      });
    return { started, failed, until, stop };
  }

  close(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }
}

const CHANGES = 'subscription { recordChanged { recordId eventType } }';

describe('limits of one GraphQL document and connection (default limits)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('query depth (12)', () => {
    // __schema types fields type, then `ofType` as often as asked, then name: 5 + n levels.
    const deep = (ofTypes: number) =>
      `{ __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } } }`;

    it('answers 12 levels', async () => {
      const result = await gql(server.url, deep(7));
      expect(result.errors).toBeUndefined();
    });

    it('refuses 13 with QUERY_TOO_DEEP, 400, naming the depth and the limit', async () => {
      const result = await gql(server.url, deep(8), undefined, { headers: MODERN });
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([
        {
          message: 'The operation is 13 levels deep, above the limit of 12: ask for less nested data.',
          extensions: { code: 'QUERY_TOO_DEEP', depth: 13, limit: 12 },
        },
      ]);
      // A legacy application/json client gets the same error with 200, as GraphQL over HTTP says.
      expect((await gql(server.url, deep(8))).status).toBe(200);
      await stillAnswers(server);
    });

    it('refuses a subscription as deep with the same code, over graphql-ws', async () => {
      // recordChanged, record, then 3 levels per evidence hop, then id: 3 hops are 12 levels, 4 are 15.
      const hops = (count: number) =>
        `subscription { recordChanged { record { ${'... on Commitment { evidence { record { '.repeat(count)}id${' } } }'.repeat(count)} } } }`;
      const connection = new Connection(server);
      try {
        await connection.subscribe(hops(3)).started;
        const errors = await connection.subscribe(hops(4)).failed;
        expect(errors).toEqual([
          {
            message: 'The operation is 15 levels deep, above the limit of 12: ask for less nested data.',
            extensions: { code: 'QUERY_TOO_DEEP', depth: 15, limit: 12 },
          },
        ]);
      } finally {
        await connection.close();
      }
    });
  });

  describe('complexity (10000)', () => {
    // 15 connections of `first` records each, under one list: 1 + 15 × (1 + first × 8).
    const wide = `query Wide($first: Int) { countries { ${Array.from(
      { length: 15 },
      (_, i) =>
        `t${i}: timeline(first: $first) { edges { cursor node { id kind position recordedAt retracted } } }`,
    ).join(' ')} } }`;

    it('answers what costs less', async () => {
      expect((await gql(server.url, wide, { first: 20 })).errors).toBeUndefined();
    });

    it('refuses what costs more with QUERY_TOO_COMPLEX, counting the page sizes the variables ask for', async () => {
      const result = await gql(server.url, wide, { first: 100 }, { headers: MODERN });
      expect(result.status).toBe(400);
      expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
      const [error] = result.errors!;
      expect(error!.extensions).toMatchObject({ limit: 10_000, complexity: expect.any(Number) });
      expect(error!.extensions!.complexity as number).toBeGreaterThan(10_000);
      expect(error!.message).toMatch(
        /^The operation's estimated complexity is \d+, above the limit of 10000/,
      );
      await stillAnswers(server);
    });

    it('refuses a document repeating one root field until graphql-js stops validating it', async () => {
      // 4,802 tokens, under the document limit; each field once would be 6.
      const result = await gql(server.url, `{ ${'serverInfo { eventStore } '.repeat(1200)}}`, undefined, {
        headers: MODERN,
      });
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([
        {
          message:
            'The document repeats fields or fragments so often that validating it was stopped: ask for each field once.',
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        },
      ]);
    });
  });

  describe('page size (100)', () => {
    it('answers first: 100 and refuses first: 101 with BAD_USER_INPUT on first', async () => {
      expect((await gql(server.url, '{ records(first: 100) { totalCount } }')).errors).toBeUndefined();
      const result = await gql(server.url, '{ records(first: 101) { totalCount } }');
      expect(result.status).toBe(200);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.fields).toEqual([
        {
          field: 'first',
          reasons: [expect.stringMatching(/from 0 to 100 \(the maximum page size\), not 101/)],
        },
      ]);
    });
  });

  describe('aliases (20)', () => {
    const aliased = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: serverInfo { eventStore }`).join(' ')} }`;

    it('answers 20 aliases', async () => {
      const data = await gqlData(server.url, aliased(20));
      expect(Object.keys(data)).toHaveLength(20);
    });

    it('refuses 21 with TOO_MANY_ALIASES, 400, naming the count and the limit', async () => {
      const result = await gql(server.url, aliased(21), undefined, { headers: MODERN });
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([
        {
          message:
            'The operation uses 21 aliases, above the limit of 20: ask for fewer aliased fields in one operation.',
          extensions: { code: 'TOO_MANY_ALIASES', limit: 20, aliases: 21 },
        },
      ]);
    });

    it('counts aliases in a fragment each time it is spread', async () => {
      const fields = Array.from({ length: 11 }, (_, i) => `e${i}: eventStore`).join(' ');
      const result = await gql(
        server.url,
        `{ a: serverInfo { ...F } b: serverInfo { ...F } } fragment F on ServerInfo { ${fields} }`,
      );
      expect(result.errors![0]!.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 20, aliases: 24 });
    });

    it('refuses 21 aliased mutations before any runs: nothing written', async () => {
      const before = await storeHead(server.url);
      const document = `mutation Many($input: RecordMeetingInput!) { ${Array.from(
        { length: 21 },
        (_, i) => `m${i}: recordMeeting(input: $input) { recordId }`,
      ).join(' ')} }`;
      const result = await gql(
        server.url,
        document,
        { input: meetingInput() },
        { token: server.tokens.admin },
      );
      expect(errorCodes(result)).toEqual(['TOO_MANY_ALIASES']);
      expect(result.data).toBeUndefined();
      expect(await storeHead(server.url)).toBe(before);
      await stillAnswers(server);
    });
  });

  describe('document size (5000 tokens)', () => {
    it('refuses a document one token over with DOCUMENT_TOO_LARGE, 400, naming the limit', async () => {
      // `{`, 4,999 fields, `}`: 5,001 tokens.
      const result = await gql(server.url, `{ ${'__typename '.repeat(4999)}}`, undefined, {
        headers: MODERN,
      });
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([
        {
          message:
            'The document has more than 5000 tokens, the limit: send fewer operations or fields at once, and put input values in variables.',
          extensions: { code: 'DOCUMENT_TOO_LARGE', limit: 5000 },
        },
      ]);
    });

    it('refuses a document of 1,200 operations, whichever one is asked for', async () => {
      const operations = Array.from({ length: 1200 }, (_, i) => `query Q${i} { __typename }`).join(' ');
      const result = await gql(server.url, operations, undefined, { operationName: 'Q0' });
      expect(errorCodes(result)).toEqual(['DOCUMENT_TOO_LARGE']);
    });

    it('refuses an oversized subscription the same way, over graphql-ws', async () => {
      const connection = new Connection(server);
      try {
        const subscription = connection.subscribe(
          `subscription { recordChanged { ${'recordId '.repeat(5000)}} }`,
        );
        const errors = await subscription.failed;
        expect(errors.map((error) => error.extensions?.code)).toEqual(['DOCUMENT_TOO_LARGE']);
        expect(errors[0]!.message).toMatch(/more than 5000 tokens, the limit/);
      } finally {
        await connection.close();
      }
    });
  });

  describe('batched operations (not accepted)', () => {
    it('refuses a JSON array of operations with BATCHING_NOT_ALLOWED, 400', async () => {
      const result = await postRaw(server.url, JSON.stringify([{ query: HEALTHY }, { query: HEALTHY }]));
      expect(result.status).toBe(400);
      expect(result.body).toEqual({
        errors: [
          {
            message:
              'Batched requests (a JSON array of operations) are not accepted: send one operation per request; one operation may ask for several root fields.',
            extensions: { code: 'BATCHING_NOT_ALLOWED' },
          },
        ],
      });
    });

    it('runs none of a batch of mutations: nothing written', async () => {
      const before = await storeHead(server.url);
      const mutation = {
        query: 'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { recordId } }',
        variables: { input: meetingInput() },
      };
      const result = await postRaw(server.url, JSON.stringify([mutation, mutation]), {
        authorization: `Bearer ${server.tokens.admin}`,
      });
      expect(result.status).toBe(400);
      expect(errorCodes(result.body)).toEqual(['BATCHING_NOT_ALLOWED']);
      expect(await storeHead(server.url)).toBe(before);
      await stillAnswers(server);
    });
  });

  describe('request body (2 MiB by default)', () => {
    it('takes the largest mutation the input rules allow, in a script of 3 UTF-8 bytes a character', async () => {
      // Khmer: every character is 3 bytes in UTF-8. Every list at its maximum, every text at its length.
      const khmer = (length: number, tag: number | string) => {
        const suffix = `-${tag}`;
        return `${'ក'.repeat(length - suffix.length)}${suffix}`;
      };
      const input = {
        ...detentionInput(),
        sources: Array.from({ length: 25 }, (_, i) => {
          const url = `https://example.org/${i}/`;
          return {
            url: `${url}${'a'.repeat(2048 - url.length)}`,
            title: khmer(500, i),
            publisher: khmer(500, i),
            publishedOn: '2025-02-10',
            quote: khmer(10_000, i),
          };
        }),
        persons: Array.from({ length: 100 }, (_, i) => ({ name: khmer(500, i), role: 'JOURNALIST' })),
        charges: Array.from({ length: 100 }, (_, i) => khmer(500, i)),
        outlet: khmer(500, 'outlet'),
        reason: khmer(10_000, 'reason'),
      };
      const bytes = Buffer.byteLength(JSON.stringify({ variables: { input } }));
      expect(bytes).toBeGreaterThan(1024 * 1024);
      const payload = await mutate(server, 'reportDetention', input);
      expect(payload.kind).toBe('DETENTION');
    });
  });

  describe('subscriptions per connection (20)', () => {
    it('refuses the 21st with TOO_MANY_SUBSCRIPTIONS; completing one frees its place', async () => {
      const connection = new Connection(server);
      try {
        const running = Array.from({ length: 20 }, () => connection.subscribe(CHANGES));
        await Promise.all(running.map((subscription) => subscription.started));

        const refused = connection.subscribe(CHANGES);
        const errors = await refused.failed;
        expect(errors).toHaveLength(1);
        expect(errors[0]!.message).toBe(
          'This connection already runs 20 subscriptions, the limit: complete one before starting another, or open another connection.',
        );
        expect(errors[0]!.extensions).toEqual({ code: 'TOO_MANY_SUBSCRIPTIONS', limit: 20 });

        // The connection and its 20 subscriptions still work.
        const recorded = await mutate(server, 'recordMeeting', meetingInput());
        // (Waiting for its own change: a change notice of an earlier test may come first.)
        await running[0]!.until(
          (event) =>
            (event as { data?: { recordChanged?: { recordId?: string } } }).data?.recordChanged?.recordId ===
            recorded.recordId,
        );

        // Completing one (graphql-ws `complete`) gives its place to the next.
        running[1]!.stop();
        const replacement = connection.subscribe(CHANGES);
        await replacement.started;
        const again = connection.subscribe(CHANGES);
        expect((await again.failed)[0]!.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
      } finally {
        await connection.close();
      }
      await stillAnswers(server);
    });

    it("keeps the connection's credentials beside its count (the upgrade's Authorization header)", async () => {
      const connection = new Connection(server, { upgradeHeaders: { authorization: 'Bearer trk_made-up' } });
      try {
        const errors = await connection.subscribe(CHANGES).failed;
        expect(errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      } finally {
        await connection.close();
      }
    });

    it('counts per connection: another connection has its own 20', async () => {
      const [first, second] = [new Connection(server), new Connection(server)];
      try {
        const subscriptions = [first, second].flatMap((connection) =>
          Array.from({ length: 20 }, () => connection.subscribe(CHANGES)),
        );
        await Promise.all(subscriptions.map((subscription) => subscription.started));
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('gives back the place of a subscription that failed', async () => {
      const connection = new Connection(server);
      try {
        // Refused by its resolver (not a country code), after every check before it: 20 times.
        const failing = Array.from({ length: 20 }, () =>
          connection.subscribe('subscription { recordChanged(countries: ["not a code"]) { recordId } }'),
        );
        for (const errors of await Promise.all(failing.map((subscription) => subscription.failed))) {
          expect(errors.map((error) => error.extensions?.code)).not.toContain('TOO_MANY_SUBSCRIPTIONS');
        }
        const running = Array.from({ length: 20 }, () => connection.subscribe(CHANGES));
        await Promise.all(running.map((subscription) => subscription.started));
        expect((await connection.subscribe(CHANGES).failed)[0]!.extensions?.code).toBe(
          'TOO_MANY_SUBSCRIPTIONS',
        );
      } finally {
        await connection.close();
      }
    });
  });
});

describe('request body limit (TRACKER_MAX_BODY_BYTES=4096)', () => {
  let server: RunningServer;
  /** A valid detention whose reason makes the request about 6 KB. */
  const bigDetention = () => ({ ...detentionInput(), reason: 'A reason that is long. '.repeat(260).trim() });

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false', TRACKER_MAX_BODY_BYTES: '4096' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses a bigger body with 413 PAYLOAD_TOO_LARGE, naming the limit: nothing written', async () => {
    const before = await storeHead(server.url);
    const legacy = await tryMutate(server, 'reportDetention', bigDetention(), { token: server.tokens.admin });
    expect(legacy.status).toBe(413);
    expect(legacy.body).toEqual({
      errors: [
        {
          message: 'The request body is larger than 4096 bytes, the limit (TRACKER_MAX_BODY_BYTES).',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 4096 },
        },
      ],
    });
    const modern = await postRaw(
      server.url,
      JSON.stringify({
        query: 'mutation($input: ReportDetentionInput!) { reportDetention(input: $input) { recordId } }',
        variables: { input: bigDetention() },
      }),
      { ...MODERN, authorization: `Bearer ${server.tokens.admin}` },
    );
    expect(modern.status).toBe(413);
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(errorCodes(modern.body)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(await storeHead(server.url)).toBe(before);
  });

  it('refuses a streamed body without a length the same way', async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ query: HEALTHY, variables: { pad: 'x'.repeat(8000) } }),
    );
    // One chunk: the server answers once it has read past the limit and closes the connection, so a
    // client still writing more chunks by then gets EPIPE instead of the answer (true of any server).
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
    const result = await postRaw(server.url, stream);
    expect(result.status).toBe(413);
    expect(errorCodes(result.body)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('still takes an ordinary mutation', async () => {
    const payload = await mutate(server, 'reportDetention', detentionInput());
    expect(payload.kind).toBe('DETENTION');
    await stillAnswers(server);
  });
});

/** A POST to /graphql from a given local address (the loopback has them all), with node:http. */
function postFrom(
  server: RunningServer,
  localAddress: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { errors?: GqlError[] } }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      graphqlEndpoint(server.url),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}

/** Opens a WebSocket to /graphql; resolves with the HTTP answer if the upgrade is refused. */
function upgrade(
  server: RunningServer,
  headers: Record<string, string> = {},
): Promise<
  { upgraded: true } | { upgraded: false; status: number; retryAfter: string | undefined; body: string }
> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers,
    });
    socket.on('open', () => {
      socket.close();
      resolve({ upgraded: true });
    });
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          upgraded: false,
          status: response.statusCode!,
          retryAfter: response.headers['retry-after'] as string | undefined,
          body,
        }),
      );
    });
    socket.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

describe('rate limit (TRACKER_RATE_LIMIT_MAX=5 an hour)', () => {
  let server: RunningServer;
  const LIMIT = 5;

  beforeAll(async () => {
    server = await startApiServer({
      env: {
        TRACKER_DEMO_DATA: 'false',
        TRACKER_RATE_LIMIT_MAX: String(LIMIT),
        TRACKER_RATE_LIMIT_WINDOW_SECONDS: '3600',
      },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  function expectRateLimited(result: { status: number; headers?: Headers; errors?: GqlError[] }) {
    expect(result.status).toBe(429);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: LIMIT, windowSeconds: 3600 });
    expect(error!.message).toMatch(
      /^Too many requests: at most 5 every 3600 seconds per token \(per address without one\)\. Retry in \d+ seconds\.$/,
    );
    if (result.headers) {
      const retryAfter = Number(result.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(error!.extensions!.retryAfterSeconds).toBe(retryAfter);
    }
  }

  it('lets an address make 5 requests, refuses the 6th with 429 RATE_LIMITED and Retry-After', async () => {
    for (let i = 1; i <= LIMIT; i++) {
      const result = await gql(server.url, HEALTHY);
      expect(result.status).toBe(200);
      expect(result.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - i));
    }
    const refused = await gql(server.url, HEALTHY, undefined, { headers: MODERN });
    expectRateLimited(refused);
    expect(refused.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    // A legacy client is refused with 429 too: the request never reached GraphQL.
    expectRateLimited(await gql(server.url, HEALTHY));
  });

  it("never counts /health, nor the dashboard's static files", async () => {
    for (let i = 0; i < 2 * LIMIT; i++) expect((await fetch(`${server.url}/health`)).status).toBe(200);
    for (let i = 0; i < 2 * LIMIT; i++)
      expect((await fetch(`${server.url}/assets/app.css`)).status).toBe(200);
  });

  it('refuses the same address a WebSocket upgrade, with the same answer', async () => {
    const answer = await upgrade(server);
    expect(answer).toMatchObject({ upgraded: false, status: 429 });
    if (answer.upgraded) return;
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it("answers a browser over the limit with the dashboard's error page, and a script with JSON", async () => {
    const page = await fetch(`${server.url}/countries/KH`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page.text()).toMatch(
      /<h1>Too many requests: at most 5 every 3600 seconds .*Retry in \d+ seconds\.<\/h1>/,
    );
    const script = await fetch(`${server.url}/exports/records.csv`);
    expect(script.status).toBe(429);
    expect(await script.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // GraphQL keeps its own shape, whatever the client accepts.
    const graphql = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'text/html' },
    });
    expect(graphql.status).toBe(429);
    expect(graphql.headers.get('content-type')).not.toContain('text/html');
  });

  it('counts a made-up token against its address: no fresh allowance', async () => {
    expectRateLimited(await gql(server.url, HEALTHY, undefined, { token: 'trk_made-up' }));
  });

  it('counts another address on its own', async () => {
    const other = await postFrom(server, '127.0.0.2', HEALTHY);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('counts each token on its own, whatever the address', async () => {
    const token = server.tokens.reader;
    for (let i = 0; i < LIMIT; i++)
      expect((await gql(server.url, HEALTHY, undefined, { token })).status).toBe(200);
    expectRateLimited(await gql(server.url, HEALTHY, undefined, { token }));
    // The same token from another address: the same allowance, spent.
    const elsewhere = await postFrom(server, '127.0.0.3', HEALTHY, { authorization: `Bearer ${token}` });
    expect(elsewhere.status).toBe(429);
    expect(errorCodes(elsewhere.body)).toEqual(['RATE_LIMITED']);
  });

  it('refuses a mutation over the limit before it runs: nothing written', async () => {
    const token = server.tokens.recorder;
    for (let i = 0; i < LIMIT - 1; i++) await gqlData(server.url, HEALTHY, undefined, { token });
    await mutate(server, 'recordMeeting', meetingInput(), { token });
    const before = await storeHead(server.url);
    const refused = await tryMutate(server, 'recordMeeting', meetingInput(), { token });
    expectRateLimited(refused);
    expect(refused.data).toBeUndefined();
    expect(await storeHead(server.url)).toBe(before);
  });

  it('counts an upgrade carrying a token against the token, and the subscriptions on it not at all', async () => {
    const token = server.tokens.admin;
    const connection = new Connection(server, { upgradeHeaders: { authorization: `Bearer ${token}` } });
    try {
      const subscriptions = Array.from({ length: LIMIT + 2 }, () => connection.subscribe(CHANGES));
      await Promise.all(subscriptions.map((subscription) => subscription.started));
    } finally {
      await connection.close();
    }
    // One request spent of the admin's five: the upgrade.
    const result = await gql(server.url, HEALTHY, undefined, { token });
    expect(result.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 2));
  });

  it('still answers the others', async () => {
    await stillAnswers(server, server.tokens.admin);
  });
});
