import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaleDataset } from './scale/scale-dataset.js';
import { runLoad } from './support/load.js';
import type { Comparison } from './support/measure.js';
import { graphql, startProcess, startTracker, type ServerProcess } from './support/server-process.js';
import { benchFile, SCALE_FOLDER } from './support/temp-dir.js';

const EVENTS = Number(process.env.PROFILE_EVENTS ?? 20_000);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = 16;

/** A diplomat's first look at a country: its name, every tally, its figures and its latest commitments. */
export const COUNTRY_PROFILE = `{
  country(code: "KH") {
    name recordCount
    stats {
      meetingsAttended commitments commitmentsByImplementation { status count } overdueCommitments
      activeTaskForces arrestOperations personsArrested nationalsArrestedElsewhere openDetentionCases
      journalistsDetained detentionDays shutdownOperations
      shutdownsByPeriod { recordId count startDay endDay }
    }
    figures { totalCount edges { node { indicator official(first: 5) { id value claimant } independent(first: 5) { id value claimant } } } }
    commitments(first: 20) { totalCount edges { node { id text overdue signatories { country { code } implementation overdue } } } }
  }
}`;

/**
 * The full country profile over HTTP on the scale dataset, against a bare Fastify + Mercurius server
 * with the same schema answering the same JSON from memory. Servers and the load generator (autocannon)
 * each run in a process of their own.
 */
export async function countryProfileBenchmarks(): Promise<Comparison[]> {
  const store = await scaleDataset(SCALE_FOLDER, EVENTS, console.log);
  const dataDir = join(benchFile('data'), '..');
  copyFileSync(store, join(dataDir, 'events.sqlite'));
  const answerFile = benchFile('answer.json');
  const servers: ServerProcess[] = [];
  try {
    const tracker = await startTracker(dataDir, 3311);
    servers.push(tracker);
    writeFileSync(answerFile, JSON.stringify(await graphql(3311, COUNTRY_PROFILE)));
    servers.push(
      await startProcess(
        ['dist/bench/support/bare-mercurius-server.js', '3312', answerFile],
        {},
        async () => (await fetch('http://127.0.0.1:3312/graphql?query=%7B__typename%7D')).ok,
      ),
    );
    const baseline = load(3312, COUNTRY_PROFILE);
    const cached = load(3311, COUNTRY_PROFILE);
    await tracker.stop();
    // The same server with its read cache off: every request reads SQLite, as when writes keep coming.
    servers.push(await startTracker(dataDir, 3313, { TRACKER_READ_CACHE: 'false' }));
    const uncached = load(3313, COUNTRY_PROFILE);
    const latency = (name: string, r: { p50: number; p99: number }) =>
      `${name} p50 ${r.p50} ms p99 ${r.p99} ms`;
    console.log(
      `  ${latency('tracker', cached)}; ${latency('cache off', uncached)}; ${latency('bare', baseline)}`,
    );
    const bare = { name: 'bare Mercurius, answer in memory', opsPerSecond: baseline.requestsPerSecond };
    const benchmark = `country profile over HTTP (${EVENTS} events, ${CONNECTIONS} connections)`;
    return [
      { benchmark, subject: { name: 'tracker', opsPerSecond: cached.requestsPerSecond }, baseline: bare },
      {
        benchmark: `${benchmark}, read cache off`,
        subject: { name: 'tracker, every read from SQLite', opsPerSecond: uncached.requestsPerSecond },
        baseline: bare,
      },
    ];
  } finally {
    for (const server of servers) await server.stop();
  }
}

function load(port: number, query: string) {
  return runLoad(`http://127.0.0.1:${port}/graphql`, { query }, SECONDS, CONNECTIONS);
}
