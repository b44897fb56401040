import { SqliteEventStore } from '@tracker/event-store';
import { performance } from 'node:perf_hooks';
import { v7 as uuid } from 'uuid';
import type { Comparison, Measurement } from './support/measure.js';
import { benchFile } from './support/temp-dir.js';

const DATA = {
  recordId: '5b0f3e1a-2c4d-4e6f-8a1b-000000000004',
  countries: [{ code: 'KH', role: 'SCOPE' }],
  indicator: 'websites shut down',
  value: 18000,
  sources: [{ url: 'https://example.org/article', quote: 'Cambodia says it shut down 18,000 websites' }],
};
const METADATA = { actor: 'bench', commandId: 'c0ffee00-0000-4000-8000-000000000000', schemaVersion: 1 };
const ROUNDS = 7;

/**
 * What the transparency log costs a writer: the same appends on two stores, one keeping the log (each
 * event's canonical bytes hashed, its leaf and completed subtrees written in the append's transaction) and
 * one without. Rounds alternate between the two so that the machine's noise falls on both alike.
 */
export async function transparencyLogBenchmarks(): Promise<Comparison[]> {
  const results: Comparison[] = [];
  for (const [synchronous, eventsPerAppend, count] of [
    ['NORMAL', 1, 1500],
    ['FULL', 1, 200],
    ['NORMAL', 20, 150],
  ] as const) {
    const stores = [true, false].map((transparencyLog) =>
      SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous, transparencyLog }),
    );
    const rates: [number[], number[]] = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [which, store] of stores.entries()) {
        const start = performance.now();
        for (let i = 0; i < count; i++) {
          await store.append(
            `record-${round}-${i % 50}`,
            Array.from({ length: eventsPerAppend }, () => ({
              id: uuid(),
              type: 'FigureReported',
              data: DATA,
              metadata: METADATA,
            })),
          );
        }
        rates[which]!.push((count * eventsPerAppend) / ((performance.now() - start) / 1000));
      }
    }
    await Promise.all(stores.map((store) => store.close()));
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const subject: Measurement = { name: 'events appended, log on', opsPerSecond: median(rates[0]) };
    const baseline: Measurement = { name: 'log off', opsPerSecond: median(rates[1]) };
    results.push({
      benchmark: `append ${eventsPerAppend === 1 ? '1 event' : `${eventsPerAppend} events`} at a time, synchronous=${synchronous}`,
      subject,
      baseline,
    });
  }
  return results;
}
