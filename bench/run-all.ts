import { commandExecutionBenchmarks } from './command-execution.bench.js';
import { countryProfileBenchmarks } from './country-profile.bench.js';
import { countryScaleBenchmarks } from './country-scale.bench.js';
import { eventStoreAppendBenchmarks } from './event-store-append.bench.js';
import { fanOutBenchmarks } from './fan-out.bench.js';
import { mutationsHttpBenchmarks } from './mutations-http.bench.js';
import { eventStoreReadBenchmarks } from './event-store-read.bench.js';
import { exchangeBenchmarks } from './exchange.bench.js';
import { projectionRebuildBenchmarks } from './projection-rebuild.bench.js';
import { report, type Comparison } from './support/measure.js';
import { transparencyLogBenchmarks } from './transparency-log.bench.js';

/**
 * Every benchmark prints its figure beside a baseline measured in the same run, and the ratio of the
 * two: absolute rates on a shared machine say little, ratios can be compared across runs.
 */
const suites: [string, () => Promise<Comparison[]>][] = [
  ['event store: append', eventStoreAppendBenchmarks],
  ['event store: read', eventStoreReadBenchmarks],
  ['event store: transparency log', transparencyLogBenchmarks],
  ['commands', commandExecutionBenchmarks],
  ['write path: mutations over HTTP', mutationsHttpBenchmarks],
  ['push: fan-out to subscribers', fanOutBenchmarks],
  ['read model: rebuild', projectionRebuildBenchmarks],
  ['read model: country profile over HTTP', countryProfileBenchmarks],
  ['read model: country queries at scale', () => countryScaleBenchmarks()],
  ['data in and out: export and import', exchangeBenchmarks],
];

const only = process.argv[2];
const all: Comparison[] = [];
for (const [name, run] of suites) {
  if (only && !name.includes(only)) continue;
  console.log(`running: ${name}`);
  all.push(...(await run()));
}
report(all);
