import { countryScaleBenchmarks } from './country-scale.bench.js';
import { projectionRebuildBenchmarks } from './projection-rebuild.bench.js';
import { report } from './support/measure.js';

/**
 * The million-event runs (`npm run bench:scale`): each country query's p99 at 1M events against 10k, and
 * the rebuild of 1M events. The datasets are written once (minutes) and kept in TRACKER_SCALE_DIR.
 */
const large = Number(process.env.SCALE_LARGE ?? 1_000_000);
const comparisons = await countryScaleBenchmarks(10_000, large);
process.env.REBUILD_EVENTS ??= String(large);
comparisons.push(...(await projectionRebuildBenchmarks()));
report(comparisons);
