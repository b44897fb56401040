import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { newDataDir, openServerStore, startApiServer, type RunningServer } from './support/api-server.js';
import { writeBacklog } from './support/backlog.js';
import { DEMO } from './support/demo-data.js';
import { gqlData } from './support/gql.js';
import { waitFor } from './support/wait.js';

/*
 * The read model survives a crash in the middle of projecting. A server is killed (SIGKILL: no shutdown
 * hook runs) while /health shows its read model behind the event store's head, restarted on the same
 * files, and once caught up it must answer exactly like a server that rebuilt its read DB from scratch
 * out of a copy of the same event store: every record page, country, commitment, detention, a sample of
 * histories and an "as of" view through GraphQL, then every table of the two read DBs row for row.
 */

interface Health {
  eventStore: { details: { headPosition: string | null } };
  readModel: { position: string | null; caughtUp: boolean | null; failing: boolean };
}

async function health(url: string): Promise<Health> {
  return (await (await fetch(`${url}/health`)).json()) as Health;
}

/** Resolves once the server's read model holds everything its event store holds. */
function caughtUp(server: RunningServer): Promise<string> {
  return waitFor(async () => {
    const { eventStore, readModel } = await health(server.url);
    expect(readModel.failing).toBe(false);
    const head = eventStore.details.headPosition;
    return readModel.caughtUp && head !== null && readModel.position === head ? head : undefined;
  });
}

/** The read DB's checkpoint, read from its file while no server runs. */
function checkpointOf(dataDir: string): string | undefined {
  const db = new DatabaseSync(join(dataDir, 'read.sqlite'));
  try {
    const row = db.prepare('SELECT position FROM projection_checkpoint WHERE id = 1').get() as
      { position: string } | undefined;
    return row?.position;
  } finally {
    db.close();
  }
}

async function headOf(dataDir: string): Promise<string | undefined> {
  const store = await openServerStore(dataDir);
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** Every row of every table of a read DB, ordered, by table (the checkpoint apart: see the test). */
function dumpReadDb(dataDir: string): Record<string, unknown[]> {
  const db = new DatabaseSync(join(dataDir, 'read.sqlite'));
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      if (name === 'projection_checkpoint') continue;
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
    }
    return dump;
  } finally {
    db.close();
  }
}

const RECORD_FIELDS = `
  fragment Day on PartialDate { date precision startDay endDay }
  fragment When on Occurred { type date precision startDay endDay from { ...Day } to { ...Day } }
  fragment Everything on Record {
    id kind retracted retractionReason confidence position revision
    recordedAt recordedBy updatedAt updatedBy
    countries { code role }
    occurred { ...When }
    sources { url title publisher publishedOn quote }
    ... on Meeting { title place bodies outcomeSummary }
    ... on Statement { speaker office quote venue }
    ... on Commitment {
      text theme meetingId statementId overdue deadline { ...Day }
      signatories { country { code } implementation overdue }
      assessments { assessmentId assessor country { code } rating assessedOn }
      evidence { recordId relation recordKind countries { code } }
    }
    ... on TaskForce { name mandate memberAgencies active dissolution { on { ...Day } reason } }
    ... on Arrest { personsArrested place charges nationalities { country { code } count } deported prosecuted }
    ... on Detention {
      status inCustody daysDetained charges persons { name role nationality { code } }
      custody { from to } notes { category note }
    }
    ... on Shutdown { count target action categories authority }
    ... on Figure { indicator value unit qualifier claimant provenance disputes period { ...When } }
  }`;

/** Every page of a connection, following endCursor. */
async function allPages(url: string, query: string, field: string, variables: Record<string, unknown> = {}) {
  const nodes: unknown[] = [];
  let after: string | null = null;
  let totalCount: number;
  do {
    const data: any = await gqlData(url, query, { ...variables, after });
    const connection = data[field];
    totalCount = connection.totalCount;
    nodes.push(...connection.edges.map((edge: { node: unknown }) => edge.node));
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after !== null);
  expect(nodes).toHaveLength(totalCount);
  return nodes;
}

/** What a server answers about everything it holds, through GraphQL. */
async function answers(url: string, asOf: string) {
  const records = (await allPages(
    url,
    `${RECORD_FIELDS}
    query($after: String) {
      records(first: 50, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ...Everything } }
      }
    }`,
    'records',
  )) as { id: string }[];
  const countries = await gqlData(
    url,
    `query($asOf: DateTime) {
      countries {
        code name alpha3 recordCount localNames { locale name }
        stats {
          meetingsAttended commitments overdueCommitments activeTaskForces personsArrested
          nationalsArrestedElsewhere journalistsDetained openDetentionCases detentionDays arrestOperations
          commitmentsByImplementation { status count }
          shutdownsByPeriod { recordId count startDay endDay }
        }
        figures(first: 10) { edges { node { indicator official(first: 20) { id value } independent(first: 20) { id value } } } }
      }
      cambodiaThen: country(code: "KH", asOf: $asOf) {
        recordCount
        stats { commitments overdueCommitments personsArrested journalistsDetained detentionDays }
      }
    }`,
    { asOf },
  );
  const commitments = await allPages(
    url,
    `query($after: String) {
      commitments(first: 100, after: $after, filter: { includeRetracted: true }) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id overdue signatories { country { code } implementation overdue } } }
      }
    }`,
    'commitments',
  );
  const detentions = await allPages(
    url,
    `query($after: String) {
      detentions(first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id status inCustody daysDetained } }
      }
    }`,
    'detentions',
  );
  // Histories of a sample: the demo's records and every 40th record.
  const sample: string[] = Object.values(DEMO).filter((id) => id !== DEMO.licadhoAssessment);
  sample.push(...records.filter((_, i) => i % 40 === 0).map((record) => record.id));
  const histories: Record<string, unknown> = {};
  for (const id of sample) {
    histories[id] = await gqlData(
      url,
      `query($id: ID!) {
        history(recordId: $id, first: 100) {
          totalCount edges { node { eventId type actor recordedAt revision position data metadata } }
        }
      }`,
      { id },
    );
  }
  return { records, countries, commitments, detentions, histories };
}

describe('crash recovery of the read model', () => {
  it('a server killed while projecting restarts on its files and ends where a fresh rebuild ends', async () => {
    const dataDir = newDataDir();
    // The demo dataset, projected, then a clean stop.
    let server = await startApiServer({ dataDir });
    await caughtUp(server);
    await server.stop();

    // A backlog written into the store while the server is down; the server restarted on it is killed
    // as soon as /health shows it part-way through. Should it be done before /health first answers (a
    // fast machine), it is stopped cleanly and the next backlog is twice as big.
    let rounds = 300;
    let written = 0;
    let crash: { checkpoint: string; head: string } | undefined;
    for (let attempt = 1; crash === undefined; attempt++, rounds *= 2) {
      expect(attempt).toBeLessThanOrEqual(6);
      const before = checkpointOf(dataDir)!;
      await writeBacklog(dataDir, rounds, written);
      written += rounds;
      server = await startApiServer({ dataDir });
      const behind = await waitFor(async () => {
        const { readModel } = await health(server.url);
        if (readModel.caughtUp) return false;
        return readModel.position !== null && readModel.position > before ? true : undefined;
      });
      await server.stop(behind ? 'SIGKILL' : 'SIGTERM');
      const checkpoint = checkpointOf(dataDir)!;
      const head = (await headOf(dataDir))!;
      // Killed with part of the backlog projected and part not: a crash in the middle of projecting.
      if (behind && checkpoint > before && checkpoint < head) crash = { checkpoint, head };
    }
    expect(server.child.signalCode).toBe('SIGKILL');

    // Restarted on the same files, it resumes from its checkpoint (no rebuild) and catches up.
    const recovered = await startApiServer({ dataDir });
    const rebuildDir = newDataDir();
    let rebuilt: RunningServer | undefined;
    try {
      const recoveredHead = await caughtUp(recovered);
      expect(recoveredHead > crash.head).toBe(true); // its own tokens were issued since
      expect(recovered.logs.some((line) => line.includes('Read DB is new'))).toBe(false);

      // The rebuild: the same event store, copied consistently (the recovered server still runs), and no
      // read DB, so the server replays everything from the start.
      const source = new DatabaseSync(join(dataDir, 'events.sqlite'));
      try {
        source.prepare('VACUUM INTO ?').run(join(rebuildDir, 'events.sqlite'));
      } finally {
        source.close();
      }
      rebuilt = await startApiServer({ dataDir: rebuildDir });
      await caughtUp(rebuilt);
      expect(rebuilt.logs.some((line) => line.includes('Read DB is new'))).toBe(true);

      // A recording time inside the backlog (of its newest record by occurrence), for an "as of" view.
      const middle = await gqlData(recovered.url, `{ records(first: 1) { edges { node { recordedAt } } } }`);
      const asOf = middle.records.edges[0].node.recordedAt;

      const fromRecovered = await answers(recovered.url, asOf);
      const fromRebuilt = await answers(rebuilt.url, asOf);
      expect(fromRecovered.records.length).toBeGreaterThan(written * 7); // 7 records a round
      expect(fromRecovered.records).toEqual(fromRebuilt.records);
      expect(fromRecovered.countries).toEqual(fromRebuilt.countries);
      expect(fromRecovered.commitments).toEqual(fromRebuilt.commitments);
      expect(fromRecovered.detentions).toEqual(fromRebuilt.detentions);
      expect(fromRecovered.histories).toEqual(fromRebuilt.histories);
    } finally {
      await recovered.stop();
      await rebuilt?.stop();
    }

    // Row for row. Each checkpoint is its own store's head (the rebuild's store also holds the tokens its
    // server was started with, which no read model table keeps).
    expect(checkpointOf(dataDir)).toBe(await headOf(dataDir));
    expect(checkpointOf(rebuildDir)).toBe(await headOf(rebuildDir));
    const recoveredTables = dumpReadDb(dataDir);
    const rebuiltTables = dumpReadDb(rebuildDir);
    expect(Object.keys(recoveredTables)).toEqual(
      expect.arrayContaining(['records', 'record_history', 'country_records', 'country_stats']),
    );
    expect(recoveredTables.record_history!.length).toBeGreaterThanOrEqual(written * 14); // 14+ events a round
    for (const table of Object.keys(rebuiltTables)) {
      expect({ table, rows: recoveredTables[table] }).toEqual({ table, rows: rebuiltTables[table] });
    }
    expect(Object.keys(recoveredTables)).toEqual(Object.keys(rebuiltTables));
  }, 900_000);
});
