import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaleDataset } from './scale/scale-dataset.js';
import type { Comparison } from './support/measure.js';
import { startTracker } from './support/server-process.js';
import { benchFile, SCALE_FOLDER } from './support/temp-dir.js';

/** Half-way through the scale dataset's six simulated years of recording. */
const AS_OF = '2023-01-01T00:00:00.000Z';
const REQUESTS = Number(process.env.SCALE_REQUESTS ?? 300);

const STATS = `stats { meetingsAttended commitments commitmentsByImplementation { status count } overdueCommitments
  activeTaskForces arrestOperations personsArrested nationalsArrestedElsewhere openDetentionCases journalistsDetained
  detentionDays shutdownOperations shutdownsByPeriod { recordId count } }`;
const FIGURES = `figures(first: 20) { totalCount edges { node { indicator officialCount independentCount
  official(first: 5) { id value } independent(first: 5) { id value } } } }`;

/** Every per-country query, now and as of a recording time half-way through the data. */
const QUERIES: Record<string, string> = {
  countries: `{ countries { code recordCount } }`,
  profile: `{ country(code: "KH") { name recordCount } }`,
  stats: `{ country(code: "KH") { ${STATS} } }`,
  timeline: `{ country(code: "KH") { timeline(first: 20) { totalCount edges { node { id } } } } }`,
  'timeline of arrests': `{ country(code: "KH") { timeline(first: 20, kinds: [ARREST]) { totalCount edges { node { id } } } } }`,
  figures: `{ country(code: "KH") { ${FIGURES} } }`,
  commitments: `{ country(code: "KH") { commitments(first: 20) { totalCount edges { node { id overdue } } } } }`,
  'commitments by status': `{ country(code: "KH") { commitments(first: 20, filter: { implementation: LIMITED }) { totalCount edges { node { id } } } } }`,
  'open detentions': `{ country(code: "KH") { detentions(first: 20, open: true) { edges { node { id daysDetained } } } } }`,
  'stats asOf': `{ country(code: "KH", asOf: "${AS_OF}") { ${STATS} } }`,
  'timeline asOf': `{ country(code: "KH", asOf: "${AS_OF}") { timeline(first: 20) { totalCount edges { node { id } } } } }`,
  'figures asOf': `{ country(code: "KH", asOf: "${AS_OF}") { ${FIGURES} } }`,
  'commitments asOf': `{ country(code: "KH", asOf: "${AS_OF}") { commitments(first: 20) { totalCount edges { node { id } } } } }`,
};

/**
 * Each country query's p99 on a small store and on a large one, each answered by the real server (its
 * read cache off, so every request reads SQLite) to a probe in a process of its own, one request at a
 * time. The ratio large/small is the cost of scale: at most 1.5 is the aim. The rebuild of each store
 * at the server's start is timed too.
 */
export async function countryScaleBenchmarks(
  small = Number(process.env.SCALE_SMALL ?? 10_000),
  large = Number(process.env.SCALE_LARGE ?? 100_000),
): Promise<Comparison[]> {
  const smallLatency = await latencies(small);
  const largeLatency = await latencies(large);
  const rows = Object.keys(QUERIES).map((name) => ({
    query: name,
    [`p99 at ${small} (ms)`]: smallLatency[name]!.p99,
    [`p99 at ${large} (ms)`]: largeLatency[name]!.p99,
    'large / small': (largeLatency[name]!.p99 / smallLatency[name]!.p99).toFixed(2),
  }));
  console.table(rows);
  return Object.keys(QUERIES).map((name) => ({
    benchmark: `p99 of ${name}: ${large} events against ${small} (ratio = small p99 / large p99; ≥ 0.67 meets ≤ 1.5×)`,
    subject: { name: `${largeLatency[name]!.p99} ms`, opsPerSecond: 1000 / largeLatency[name]!.p99 },
    baseline: { name: `${smallLatency[name]!.p99} ms`, opsPerSecond: 1000 / smallLatency[name]!.p99 },
  }));
}

async function latencies(events: number): Promise<Record<string, { p50: number; p99: number }>> {
  const store = await scaleDataset(SCALE_FOLDER, events, console.log);
  const dataDir = join(benchFile('data'), '..');
  copyFileSync(store, join(dataDir, 'events.sqlite'));
  const started = Date.now();
  const tracker = await startTracker(dataDir, 3331, { TRACKER_READ_CACHE: 'false' });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `  ${events} events: the server started and rebuilt its read DB in ${seconds.toFixed(1)} s (${(seconds / 60).toFixed(2)} min, ${Math.round(events / seconds)} events/s)`,
  );
  try {
    const bodies = Object.fromEntries(Object.entries(QUERIES).map(([name, query]) => [name, { query }]));
    const output = execFileSync(
      process.execPath,
      [
        'dist/bench/support/latency-probe.js',
        'http://127.0.0.1:3331/graphql',
        JSON.stringify(bodies),
        String(REQUESTS),
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(output.trim().split('\n').at(-1)!);
  } finally {
    await tracker.stop();
  }
}
