import { SqliteEventStore } from '@tracker/event-store';
import { RecordCommandExecutor } from '@tracker/tracking';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Comparison } from './support/measure.js';
import { FIGURE_INPUT } from './support/figure-mutation.js';
import { startTracker } from './support/server-process.js';
import { benchFile, SCALE_FOLDER } from './support/temp-dir.js';
import { scaleDataset } from './scale/scale-dataset.js';

/** About 114,000 records (the scale dataset holds some 0.57 records per event). */
const EXPORT_EVENTS = Number(process.env.EXPORT_EVENTS ?? 200_000);
const IMPORT_LINES = Number(process.env.IMPORT_LINES ?? 2_000);

/**
 * Data in and out. Exporting every record of a large store over HTTP, the server's peak resident memory
 * against its idle resident memory (the export must stream, not gather); and `tracker import` of NDJSON
 * mutations (a process of its own, through the API's input rules and the command path) against the same
 * commands run by the executor in process, both on the default durability (synchronous=FULL).
 */
export async function exchangeBenchmarks(): Promise<Comparison[]> {
  return [await exportMemory(), await importRate()];
}

async function exportMemory(): Promise<Comparison> {
  const store = await scaleDataset(SCALE_FOLDER, EXPORT_EVENTS, console.log);
  const dataDir = join(benchFile('data'), '..');
  copyFileSync(store, join(dataDir, 'events.sqlite'));
  const port = 3321;
  const tracker = await startTracker(dataDir, port);
  try {
    const pid = tracker.child.pid!;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idle = median(await sample(pid, 1_000));
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, residentBytes(pid));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const exportAll = async (query: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/exports/records.ndjson${query}`);
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (const byte of chunk) if (byte === 0x0a) lines += 1;
      }
      return lines;
    };
    // A tenth of the records first (one kind): the peak must not grow with the export's size.
    const few = await exportAll('?kind=SHUTDOWN');
    const peakOfFew = peak;
    const started = performance.now();
    const records = await exportAll('');
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
    console.log(
      `  exported ${records} records in ${seconds.toFixed(1)} s (${Math.round(records / seconds)}/s); ` +
        `resident memory: idle ${mib(idle)} MiB, peak exporting ${few} records ${mib(peakOfFew)} MiB, ` +
        `peak exporting all ${mib(peak)} MiB`,
    );
    return {
      benchmark: `export ${records} records over HTTP (NDJSON), the server's resident memory in MiB`,
      subject: {
        name: `peak while exporting (${Math.round(records / seconds)} records/s)`,
        opsPerSecond: mib(peak),
      },
      baseline: { name: 'idle, before', opsPerSecond: mib(idle) },
    };
  } finally {
    await tracker.stop();
  }
}

async function importRate(): Promise<Comparison> {
  // The write-path benchmarks' figure, a distinct value per line (identical inputs would all be recorded too).
  const figure = (index: number) => ({ ...FIGURE_INPUT, value: 1000 + index });
  const file = benchFile('figures.ndjson');
  writeFileSync(
    file,
    Array.from({ length: IMPORT_LINES }, (_, index) =>
      JSON.stringify({ mutation: 'reportFigure', input: figure(index) }),
    ).join('\n'),
  );
  const dataDir = join(benchFile('data'), '..');
  const output = execFileSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'dist/apps/cli/src/main.js', 'import', file],
    { env: { ...process.env, TRACKER_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  const rate = Number(/\((\d+) commands\/s\)/.exec(output)?.[1]);
  if (!Number.isFinite(rate) || !output.includes(`${IMPORT_LINES} commands recorded`)) {
    throw new Error(`the import did not record every line: ${output}`);
  }

  const inProcess = SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous: 'FULL' });
  const executor = new RecordCommandExecutor({ store: inProcess });
  const started = performance.now();
  for (let index = 0; index < IMPORT_LINES; index++) {
    const { occurred, ...rest } = figure(index);
    await executor.execute(
      { type: 'ReportFigure', ...rest, occurred: { type: 'DATE', ...occurred } } as never,
      { actor: 'bench' },
    );
  }
  const baseline = IMPORT_LINES / ((performance.now() - started) / 1000);
  await inProcess.close();
  return {
    benchmark: `import ${IMPORT_LINES} NDJSON mutations (tracker import, its own process, synchronous=FULL)`,
    subject: { name: 'commands imported', opsPerSecond: rate },
    baseline: { name: 'the same commands run in process', opsPerSecond: baseline },
  };
}

function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function sample(pid: number, ms: number): Promise<number[]> {
  const samples: number[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    samples.push(residentBytes(pid));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return samples;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
