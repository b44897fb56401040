import { execFileSync } from 'node:child_process';

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
}

/**
 * POSTs one GraphQL body to `url` from `connections` connections for `seconds`, from a process of its
 * own (load-generator.ts, autocannon). Throws if any request failed: a rate of errors measures nothing.
 */
export function runLoad(
  url: string,
  body: object,
  seconds: number,
  connections: number,
  authorization?: string,
): LoadResult {
  const output = execFileSync(
    process.execPath,
    [
      'dist/bench/support/load-generator.js',
      url,
      JSON.stringify(body),
      String(seconds),
      String(connections),
      ...(authorization ? [authorization] : []),
    ],
    { encoding: 'utf8' },
  );
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult & { failed: number };
  if (result.failed > 0) throw new Error(`${result.failed} requests to ${url} failed`);
  return result;
}
