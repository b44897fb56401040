import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { issueRecorderToken, reportFigure } from './support/figure-mutation.js';
import type { Comparison } from './support/measure.js';
import { startTracker, type ServerProcess } from './support/server-process.js';
import { benchFile } from './support/temp-dir.js';

const PORT = 3361;
const URL_HTTP = `http://127.0.0.1:${PORT}/graphql`;
const URL_WS = `ws://127.0.0.1:${PORT}/graphql`;
const UPDATES_PER_SECOND = 10;
const SECONDS = Number(process.env.FAN_OUT_SECONDS ?? 10);

interface Report {
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Changes pushed to graphql-ws subscribers, the server and the subscribers (`support/subscribers.ts`)
 * each in a process of its own, latency from the mutation being sent to each delivery:
 * - 10,000 subscriptions (1,000 connections × 10) to Cambodia's changes, at 10 updates a second, against
 *   one subscription at the same rate;
 * - one subscriber's latency, one change at a time, with 1,000 other subscriptions (to Laos) connected,
 *   against the same with none;
 * - a writer's latency (1 client, `reportFigure`) with 1,000 idle subscriptions open, against none.
 */
export async function fanOutBenchmarks(): Promise<Comparison[]> {
  const dataDir = join(benchFile('data'), '..');
  const token = issueRecorderToken(dataDir);
  let server: ServerProcess | undefined;
  try {
    server = await startTracker(dataDir, PORT, { TRACKER_RATE_LIMIT_MAX: '0' });
    const mutate = mutator(token);

    const writerAlone = await writerLatency(mutate);
    const oneAtRate = await atRate(mutate, 1, 1);
    const manyAtRate = await atRate(mutate, 1_000, 10);
    console.log(`  10,000 subscriptions at ${UPDATES_PER_SECOND}/s: ${describe(manyAtRate)}`);
    console.log(`  1 subscription at ${UPDATES_PER_SECOND}/s: ${describe(oneAtRate)}`);

    const alone = await oneByOne(mutate, 0);
    const crowded = await oneByOne(mutate, 1_000);
    console.log(`  one subscriber, 1,000 others connected: ${describe(crowded)}; alone: ${describe(alone)}`);

    const idle = await subscribers(100, 10, ['LA']);
    const writerWithIdle = await writerLatency(mutate);
    idle.close();
    console.log(
      `  writer p50 with 1,000 idle subscriptions ${writerWithIdle.p50} ms, without ${writerAlone.p50} ms`,
    );

    const perSecond = (name: string, ms: number) => ({ name: `${name}: ${ms} ms`, opsPerSecond: 1000 / ms });
    return [
      {
        benchmark: `p99 delivery, 10,000 subscriptions at ${UPDATES_PER_SECOND} updates/s (${(100 * manyAtRate.deliveries) / manyAtRate.expected}% delivered) against 1`,
        subject: perSecond('10,000', manyAtRate.p99),
        baseline: perSecond('1', oneAtRate.p99),
      },
      {
        benchmark: 'p50 mutation → another client, 1,000 other subscriptions connected, against none',
        subject: perSecond('1,000 others', crowded.p50),
        baseline: perSecond('none', alone.p50),
      },
      {
        benchmark: 'p99 mutation → another client, 1,000 other subscriptions connected, against none',
        subject: perSecond('1,000 others', crowded.p99),
        baseline: perSecond('none', alone.p99),
      },
      {
        benchmark: 'p50 of a writer with 1,000 idle subscriptions open, against none',
        subject: perSecond('1,000 idle', writerWithIdle.p50),
        baseline: perSecond('none', writerAlone.p50),
      },
    ];
  } finally {
    await server?.stop();
  }
}

function describe(report: Report): string {
  return `${report.deliveries}/${report.expected} delivered, p50 ${report.p50} ms, p99 ${report.p99} ms, max ${report.max} ms`;
}

/** `count` subscriptions, `per` a connection, to Cambodia, fed 10 changes a second for SECONDS. */
async function atRate(mutate: Mutate, connections: number, per: number): Promise<Report> {
  const group = await subscribers(connections, per, ['KH']);
  try {
    await warmUp(mutate, group, connections * per);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < SECONDS * UPDATES_PER_SECOND; i++) {
      pending.push(mutate().then(({ recordId, sentAt }) => group.command(`sent ${recordId} ${sentAt}`)));
      await sleep(1000 / UPDATES_PER_SECOND);
    }
    await Promise.all(pending);
    await sleep(2_000);
    return JSON.parse(await group.ask('report')) as Report;
  } finally {
    group.close();
  }
}

/** One change at a time to one subscriber, with `others` subscriptions to Laos connected. */
async function oneByOne(mutate: Mutate, others: number): Promise<Report> {
  const crowd = others > 0 ? await subscribers(others / 10, 10, ['LA']) : undefined;
  const watcher = await subscribers(1, 1, ['KH']);
  try {
    await warmUp(mutate, watcher, 1);
    for (let i = 0; i < 200; i++) {
      const { recordId, sentAt } = await mutate();
      watcher.command(`sent ${recordId} ${sentAt}`);
      await until(async () => (await watcher.ask(`count ${recordId}`)) === '1');
    }
    return JSON.parse(await watcher.ask('report')) as Report;
  } finally {
    watcher.close();
    crowd?.close();
  }
}

async function warmUp(mutate: Mutate, group: Subscribers, total: number): Promise<void> {
  // Subscribes are not acknowledged: a change every subscription has received says they all listen.
  for (;;) {
    const { recordId } = await mutate();
    await sleep(500);
    if (Number(await group.ask(`count ${recordId}`)) === total) return;
  }
}

type Mutate = () => Promise<{ recordId: string; sentAt: number }>;

function mutator(token: string): Mutate {
  return () => reportFigure(URL_HTTP, token);
}

interface Subscribers {
  command(line: string): void;
  ask(line: string): Promise<string>;
  close(): void;
}

async function subscribers(connections: number, per: number, countries: string[]): Promise<Subscribers> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'dist/bench/support/subscribers.js',
      URL_WS,
      String(connections),
      String(per),
      JSON.stringify(countries),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = lines.shift();
      if (line !== undefined) resolve(line);
      else waiting.push(resolve);
    });
  if ((await nextLine()) !== 'ready') throw new Error('the subscribers did not get ready');
  return {
    command: (line) => child.stdin!.write(`${line}\n`),
    ask: (line) => {
      child.stdin!.write(`${line}\n`);
      return nextLine();
    },
    close: () => {
      child.stdin!.write('close\n');
    },
  };
}

/** A writer's latency, one `reportFigure` after another: the median of 300, in ms. */
async function writerLatency(mutate: Mutate): Promise<{ p50: number }> {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    await mutate();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(times[150]! * 100) / 100 };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('a change was not delivered in time');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
