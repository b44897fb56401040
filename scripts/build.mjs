// Compiles apps/, libs/ and bench/ to dist/ with swc (path aliases rewritten to relative ESM paths
// by .swcrc). Tests are left out of the build: Jest compiles them itself.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    'apps',
    'libs',
    'bench',
    '-d',
    'dist',
    '--copy-files',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
