import { join } from 'node:path';
import { SqliteEventStore } from '@tracker/event-store';
import type { RecordCommand } from '@tracker/domain';
import { RecordCommandExecutor, readDemoDataset } from '@tracker/tracking';
import { v7 as uuid } from 'uuid';
import { FIGURE_INPUT, issueRecorderToken, REPORT_FIGURE } from './support/figure-mutation.js';
import { runLoad } from './support/load.js';
import { measure, type Comparison } from './support/measure.js';
import { startTracker, type ServerProcess } from './support/server-process.js';
import { benchFile } from './support/temp-dir.js';

const SECONDS = Number(process.env.MUTATION_SECONDS ?? 8);

/**
 * Writes over HTTP with synchronous=FULL (every acknowledged write survives power loss): `reportFigure`
 * from 1 client and from 16, each answered once the server's read model holds it. The 16-client rate
 * against the 1-client rate says what group commit gains; against the in-process command rate (the same
 * command path with no HTTP, one at a time, also FULL) what the API costs.
 */
export async function mutationsHttpBenchmarks(): Promise<Comparison[]> {
  const inProcess = await inProcessRate();
  const dataDir = join(benchFile('data'), '..');
  const token = issueRecorderToken(dataDir);
  let server: ServerProcess | undefined;
  try {
    server = await startTracker(dataDir, 3351, { TRACKER_SQLITE_SYNCHRONOUS: 'FULL' });
    const one = load(3351, token, 1);
    const sixteen = load(3351, token, 16);
    console.log(
      `  1 client p50 ${one.p50} ms p99 ${one.p99} ms; 16 clients p50 ${sixteen.p50} ms p99 ${sixteen.p99} ms`,
    );
    const rate = (name: string, opsPerSecond: number) => ({ name, opsPerSecond });
    return [
      {
        benchmark: 'reportFigure over HTTP, FULL: 16 clients against 1',
        subject: rate('16 clients', sixteen.requestsPerSecond),
        baseline: rate('1 client', one.requestsPerSecond),
      },
      {
        benchmark: 'reportFigure over HTTP, FULL: 16 clients against the in-process command',
        subject: rate('16 clients over HTTP', sixteen.requestsPerSecond),
        baseline: inProcess,
      },
    ];
  } finally {
    await server?.stop();
  }
}

async function inProcessRate() {
  const template = readDemoDataset().commands.find((c) => c.type === 'ReportFigure') as RecordCommand;
  const store = SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous: 'FULL' });
  const executor = new RecordCommandExecutor({ store });
  const measured = await measure('in-process ReportFigure, FULL', 500, () =>
    executor.execute({ ...template, recordId: uuid() }, { actor: 'bench' }),
  );
  await store.close();
  return measured;
}

function load(port: number, token: string, connections: number) {
  const body = { query: REPORT_FIGURE, variables: { input: FIGURE_INPUT } };
  return runLoad(`http://127.0.0.1:${port}/graphql`, body, SECONDS, connections, `Bearer ${token}`);
}
