import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ApiTokenStore, apiTokenFile, ROLES, type Role } from '@tracker/tracking';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Every stdout/stderr line so far. */
  logs: string[];
  /** A bearer secret per role, issued in the server's token file before it started (named `e2e-<role>`). */
  tokens: Record<Role, string>;
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
  const tokens = issueTokens(dataDir);
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'dist/apps/api/src/main.js'],
    {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TRACKER_DATA_DIR: dataDir, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * Issues one token per role straight into the data folder's token file, as `npm run cli -- tokens create`
 * would (the CLI itself is tested in cli.e2e-spec), so specs can act under each role.
 */
export function issueTokens(dataDir: string): Record<Role, string> {
  const store = ApiTokenStore.open(apiTokenFile(dataDir));
  try {
    return Object.fromEntries(
      ROLES.map((role) => [role, store.create(`e2e-${role}`, role).secret]),
    ) as Record<Role, string>;
  } finally {
    store.close();
  }
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
