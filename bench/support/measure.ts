import { performance } from 'node:perf_hooks';

/** One figure: how many operations per second, measured over several rounds (the median counts). */
export interface Measurement {
  name: string;
  opsPerSecond: number;
}

/**
 * Runs `operation` `count` times per round, `rounds` rounds, and reports the median rate. The median
 * of alternating rounds resists the noise of a shared machine better than one long run. When one
 * operation handles many items (a rebuild over N events), `itemsPerOperation` makes the rate per item.
 */
export async function measure(
  name: string,
  count: number,
  operation: (index: number) => unknown,
  rounds = 5,
  itemsPerOperation = 1,
): Promise<Measurement> {
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < count; i++) await operation(round * count + i);
    rates.push((count * itemsPerOperation) / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)]! };
}

/** A figure beside its baseline, measured in the same run: the ratio is what to compare across runs. */
export interface Comparison {
  benchmark: string;
  subject: Measurement;
  baseline: Measurement;
}

export function report(comparisons: readonly Comparison[]): void {
  const rows = comparisons.map(({ benchmark, subject, baseline }) => ({
    benchmark,
    subject: `${subject.name}: ${format(subject.opsPerSecond)}/s`,
    baseline: `${baseline.name}: ${format(baseline.opsPerSecond)}/s`,
    ratio: (subject.opsPerSecond / baseline.opsPerSecond).toFixed(2),
  }));
  console.table(rows);
}

function format(rate: number): string {
  return rate >= 1000 ? `${(rate / 1000).toFixed(1)}k` : rate.toFixed(0);
}
