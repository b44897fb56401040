import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openEventStore, type EventStore } from '@tracker/event-store';
import { ApiTokenStore, ROLES, type Role } from '@tracker/tracking';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Every stdout/stderr line so far. */
  logs: string[];
  /** A bearer secret per role, issued into the server's event store before it started (named `e2e-<role>`). */
  tokens: Record<Role, string>;
  /** The environment it was started with (beyond the defaults). */
  env: Record<string, string>;
  /** Sends a signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  /** Reuse a data folder (to restart on the same files); a new temp folder by default. */
  dataDir?: string;
  env?: Record<string, string>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'tracker-e2e-'));
}

/** Starts the built server (dist/) as a real child process on a free port and waits until it listens. */
export async function startApiServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? newDataDir();
  const env = options.env ?? {};
  const tokens = await issueTokens(dataDir, env);
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'dist/apps/api/src/main.js'],
    {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TRACKER_DATA_DIR: dataDir, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Each waitForLog listens on these streams until its line comes: many may wait at once.
  child.stdout!.setMaxListeners(100);
  child.stderr!.setMaxListeners(100);
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        logs.push(line);
        const match = /Tracker listening on (http:\/\/[^\s"]+)/.exec(line);
        if (match) resolve(match[1]!);
      });
    }
    void exited.then((code) =>
      reject(new Error(`Server exited with ${code} before listening:\n${logs.join('\n')}`)),
    );
  });
  const url = (await listening).replace('[::1]', '127.0.0.1');
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    logs,
    tokens,
    env,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * Opens, from the test process, the event store a server with this data folder and environment uses:
 * its SQLite file (SQLite allows the second process), or the KurrentDB it is configured with.
 */
export function openServerStore(dataDir: string, env: Record<string, string> = {}): Promise<EventStore> {
  return env.EVENT_STORE === 'kurrentdb'
    ? openEventStore({ kind: 'kurrentdb', connectionString: env.KURRENTDB_CONNECTION_STRING! })
    : openEventStore({ kind: 'sqlite', path: join(dataDir, 'events.sqlite') });
}

/** Runs `use` with the token store of a server's event store, as `npm run cli -- tokens ...` does. */
export async function withTokenStore<T>(
  server: Pick<RunningServer, 'dataDir' | 'env'>,
  use: (tokens: ApiTokenStore) => Promise<T>,
  clock?: () => Date,
): Promise<T> {
  const store = await openServerStore(server.dataDir, server.env);
  try {
    return await use(new ApiTokenStore(store, clock));
  } finally {
    await store.close();
  }
}

/**
 * Issues one token per role into the event store the server will use, as the CLI would (the CLI itself
 * is tested in cli.e2e-spec), so specs can act under each role.
 */
export async function issueTokens(dataDir: string, env: Record<string, string> = {}) {
  return withTokenStore({ dataDir, env }, async (store) => {
    const tokens: Partial<Record<Role, string>> = {};
    for (const role of ROLES) tokens[role] = (await store.create(`e2e-${role}`, role)).secret;
    return tokens as Record<Role, string>;
  });
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export async function runServerExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'dist/apps/api/src/main.js'],
    {
      env: { ...process.env, TRACKER_DATA_DIR: newDataDir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
