import { gqlData } from './support/gql.js';
import { DatabaseSync } from 'node:sqlite';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServerExpectingFailure, startApiServer, type RunningServer } from './support/api-server.js';

/** What /health answers. */
interface HealthBody {
  status: string;
  eventStore: { status: string; store: string; details: Record<string, unknown> };
}

async function health(url: string): Promise<HealthBody> {
  return (await (await fetch(`${url}/health`)).json()) as HealthBody;
}

describe('the server with no configuration', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reports the embedded event store on /health', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(body.status).toBe('up');
    expect(body.eventStore).toMatchObject({ status: 'up', store: 'sqlite' });
    expect(body.eventStore.details).toMatchObject({ journalMode: 'wal', synchronous: 'FULL' });
    expect(existsSync(join(server.dataDir, 'events.sqlite'))).toBe(true);
  });

  it('has loaded the demo dataset into the empty store', async () => {
    const body = await health(server.url);
    expect(body.eventStore.details.headPosition).toEqual(expect.any(String));
    expect(server.logs.some((line) => /Loaded the demo dataset: \d+ commands/.test(line))).toBe(true);
  });

  it('answers GraphQL at /graphql', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { eventStore } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { serverInfo: { eventStore: 'sqlite' } } });
  });

  it('serves GraphiQL at /graphiql', async () => {
    const response = await fetch(`${server.url}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('writes structured JSON logs', () => {
    const started = server.logs.map((line) => JSON.parse(line)).find((entry) => /listening/.test(entry.msg));
    expect(started).toMatchObject({ level: 30, msg: expect.stringContaining('/graphiql') });
  });
});

describe('start-up configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, /PORT must be integer/],
    [
      { TRACKER_SQLITE_SYNCHRONOUS: 'OFF' },
      /TRACKER_SQLITE_SYNCHRONOUS must be equal to one of the allowed values/,
    ],
  ])('refuses %j with a clear message and a non-zero exit', async (env, message) => {
    const { code, output } = await runServerExpectingFailure(env);
    expect(code).toBe(1);
    expect(output).toMatch(message);
  });

  it('honours TRACKER_SQLITE_SYNCHRONOUS and TRACKER_DEMO_DATA', async () => {
    const server = await startApiServer({
      env: { TRACKER_SQLITE_SYNCHRONOUS: 'NORMAL', TRACKER_DEMO_DATA: 'false' },
    });
    try {
      const body = await health(server.url);
      expect(body.eventStore.details.synchronous).toBe('NORMAL');
      // No demo records: the store holds only the test's API tokens.
      const records = await gqlData(server.url, '{ records(first: 1) { edges { node { id } } } }');
      expect(records.records.edges).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('the GraphQL schema', () => {
  it('is not written by a server start (a read-only install starts), and the committed file is what the code emits', async () => {
    const committed = readFileSync('schema.gql', 'utf8');
    const before = statSync('schema.gql').mtimeMs;
    const plain = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
    await plain.stop();
    expect(statSync('schema.gql').mtimeMs).toBe(before);

    const file = join(mkdtempSync(join(tmpdir(), 'tracker-schema-')), 'schema.gql');
    const emitting = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false', TRACKER_SCHEMA_FILE: file } });
    await emitting.stop();
    // Run `npm run schema` and commit schema.gql when this fails after a schema change.
    expect(readFileSync(file, 'utf8')).toBe(committed);
  });
});

describe('rebuilding the read model on demand', () => {
  it('TRACKER_REBUILD_READ_MODEL=true empties the read DB at start and replays the store into it', async () => {
    const first = await startApiServer();
    const query = '{ countries { code stats { commitments meetingsAttended } } }';
    const before = await gqlData(first.url, query);
    expect(before.countries.length).toBeGreaterThan(0);
    await first.stop();

    // Tamper with the read DB, as a bug in a projection might have: only a rebuild repairs it.
    const readDb = new DatabaseSync(join(first.dataDir, 'read.sqlite'));
    const tables = readDb
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('projection_checkpoint', 'read_model_meta')",
      )
      .all() as { name: string }[];
    for (const { name } of tables) readDb.exec(`DELETE FROM "${name}"`);
    readDb.close();

    const kept = await startApiServer({ dataDir: first.dataDir });
    expect((await gqlData(kept.url, query)).countries).toEqual([]);
    await kept.stop();

    const rebuilt = await startApiServer({
      dataDir: first.dataDir,
      env: { TRACKER_REBUILD_READ_MODEL: 'true' },
    });
    try {
      expect(rebuilt.logs.some((line) => line.includes('Rebuilding the read DB as asked'))).toBe(true);
      const head = (await health(rebuilt.url)).eventStore.details.headPosition;
      await waitForReadModel(rebuilt.url, head as string | null);
      expect(await gqlData(rebuilt.url, query)).toEqual(before);
    } finally {
      await rebuilt.stop();
    }
  });
});

/** Polls /health until the read model has reached `position`. */
async function waitForReadModel(url: string, position: string | null) {
  for (;;) {
    const body = (await (await fetch(`${url}/health`)).json()) as { readModel: { position: string | null } };
    if (body.readModel.position === position) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s exits 0 and leaves the store closed and consistent',
    async (signal) => {
      const server = await startApiServer();
      const code = await server.stop(signal);
      expect(code).toBe(0);
      // A cleanly closed WAL database opens and passes its integrity check.
      const db = new DatabaseSync(join(server.dataDir, 'events.sqlite'));
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      db.close();
    },
  );
});
