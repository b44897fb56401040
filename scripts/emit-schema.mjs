// Writes the GraphQL schema the code declares to schema.gql (committed, so every change shows in review):
// starts the built server once on a throwaway data folder with TRACKER_SCHEMA_FILE, waits until it listens,
// and stops it. `npm run schema` runs it after a build.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'tracker-schema-'));
const child = spawn(
  process.execPath,
  ['--disable-warning=ExperimentalWarning', 'dist/apps/api/src/main.js'],
  {
    env: {
      ...process.env,
      PORT: '0',
      TRACKER_DATA_DIR: dataDir,
      TRACKER_DEMO_DATA: 'false',
      TRACKER_SCHEMA_FILE: resolve('schema.gql'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  if (output.includes('Tracker listening on')) child.kill('SIGTERM');
});
child.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  if (signal !== 'SIGTERM' && code !== 0) {
    console.error(output);
    process.exit(1);
  }
  console.log('schema.gql written');
});
