import { spawn, type ChildProcess } from 'node:child_process';

/** A server started as a child process; `ready` resolves once `probe` answers true. */
export interface ServerProcess {
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Children still running: ended with this process, however it ends (a benchmark interrupted, say). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

export async function startProcess(
  args: string[],
  env: Record<string, string>,
  probe: () => Promise<boolean>,
  timeoutMs = 3_600_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (await probe().catch(() => false)) break;
    if (Date.now() - started > timeoutMs) throw new Error(`${args.join(' ')} did not get ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The tracker's API on `dataDir` (no demo data, no rate limit), ready once its read model caught up. */
export function startTracker(
  dataDir: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  return startProcess(
    ['dist/apps/api/src/main.js'],
    {
      PORT: String(port),
      TRACKER_DATA_DIR: dataDir,
      TRACKER_DEMO_DATA: 'false',
      TRACKER_RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      const health = (await response.json()) as { readModel?: { caughtUp?: boolean } };
      return response.ok && health.readModel?.caughtUp === true;
    },
  );
}

export async function graphql(port: number, query: string, variables: object = {}): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
