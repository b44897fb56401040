import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Every stdout/stderr line so far. */
  logs: string[];
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
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
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
