import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { gqlData } from './support/gql.js';
import { waitFor } from './support/wait.js';

/*
 * The README's walk-through of proving a cited figure stays true: its shell block runs, as pasted (only
 * the server's address differs), in a folder of its own, against a server on the demo data.
 */
const SECTION_TITLE = '## Proving what it recorded: the transparency log';

function walkThrough(): string {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(`${SECTION_TITLE}\n`);
  if (start < 0) throw new Error(`README.md has no section "${SECTION_TITLE}"`);
  const block = /^```sh\n([\s\S]*?)^```$/m.exec(readme.slice(start));
  if (!block) throw new Error('The section has no sh block');
  return block[1]!;
}

describe('README: proving what the tracker recorded', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_CHECKPOINT_INTERVAL_MS: '200' } });
    // The demo data's events are all covered by a signed checkpoint.
    await waitFor(async () => {
      const { transparencyLog } = await gqlData(
        server.url,
        '{ transparencyLog { treeSize latestCheckpoint { treeSize } } }',
      );
      return transparencyLog.treeSize > 0 &&
        transparencyLog.latestCheckpoint?.treeSize === transparencyLog.treeSize
        ? true
        : undefined;
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs as pasted: the evidence verifies, and verifies no more once altered', () => {
    const folder = mkdtempSync(join(tmpdir(), 'readme-evidence-'));
    symlinkSync(resolve('dist'), join(folder, 'dist'));
    const script = walkThrough().replaceAll('http://127.0.0.1:3000', server.url);
    const run = spawnSync('bash', ['-e', '-c', script], { cwd: folder, encoding: 'utf8' });
    expect({ code: run.status, err: run.stderr }).toEqual({ code: 0, err: '' });
    expect(run.stdout).toMatch(/^verified: 1 event\(s\) were in the log/m);

    const evidence = JSON.parse(readFileSync(join(folder, 'evidence.json'), 'utf8'));
    evidence.data.recordEvidence.bundle.events[0].event.data.value = 1300;
    writeFileSync(join(folder, 'evidence.json'), JSON.stringify(evidence));
    const last = script.trim().split('\n').at(-1)!;
    const again = spawnSync('bash', ['-c', last], { cwd: folder, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('NOT verified');
  });
});
