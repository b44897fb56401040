import { execFileSync } from 'node:child_process';

/** The write the write-path benchmarks make: one independent figure about Cambodia. */
export const REPORT_FIGURE = `mutation($input: ReportFigureInput!) { reportFigure(input: $input) { recordId position } }`;
export const FIGURE_INPUT = {
  countries: [{ code: 'KH', role: 'SCOPE' }],
  occurred: { date: '2024-08-15', precision: 'DAY' },
  confidence: 'REPORTED',
  sources: [{ url: 'https://example.org/bench' }],
  indicator: 'people trafficked into scam compounds',
  value: 100000,
  unit: 'persons',
  qualifier: 'APPROXIMATE',
  claimant: 'UN Human Rights Office',
  provenance: 'INDEPENDENT',
};

/** A recorder's token issued with the CLI into the store under `dataDir`, before its server starts. */
export function issueRecorderToken(dataDir: string): string {
  const output = execFileSync(
    process.execPath,
    ['dist/apps/cli/src/main.js', 'tokens', 'create', '--name', 'bench', '--role', 'recorder'],
    { encoding: 'utf8', env: { ...process.env, TRACKER_DATA_DIR: dataDir } },
  );
  return output
    .split('\n')
    .find((line) => line.startsWith('trk_'))!
    .trim();
}

/** Sends one `reportFigure`; resolves with the record's id and when (epoch ms) it was sent. */
export async function reportFigure(
  url: string,
  token: string,
): Promise<{ recordId: string; sentAt: number }> {
  const sentAt = performance.timeOrigin + performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: REPORT_FIGURE, variables: { input: FIGURE_INPUT } }),
  });
  const body = (await response.json()) as { data?: { reportFigure: { recordId: string } }; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return { recordId: body.data.reportFigure.recordId, sentAt };
}
