// Compiles apps/, libs/ and bench/ to dist/ with swc (path aliases rewritten to relative ESM paths
// by .swcrc). Tests are left out of the build: Jest compiles them itself.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Built beside dist/ and swapped in at the end, so a server or test reading dist/ while another build
// runs (parallel test runs, `npm start` during `npm test`) never finds it half-written or gone.
const staging = `dist.build-${process.pid}`;
const retired = `dist.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    'apps',
    'libs',
    'bench',
    '-d',
    staging,
    '--copy-files',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,apps/dashboard/**',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
// The dashboard pages' script and style, bundled with everything they use (charts, the graphql-ws client):
// the API serves them from dist/dashboard-assets, and nothing is loaded from the internet.
await build({
  entryPoints: { app: 'apps/dashboard/src/main.ts', graphiql: 'apps/dashboard/src/graphiql.tsx' },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  // React reads it to pick its production build.
  define: { 'process.env.NODE_ENV': '"production"' },
  outdir: `${staging}/dashboard-assets`,
  logLevel: 'warning',
});
await build({
  entryPoints: { app: 'apps/dashboard/src/style.css', graphiql: 'apps/dashboard/src/graphiql.css' },
  bundle: true,
  minify: true,
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file' },
  assetNames: '[name]-[hash]',
  outdir: `${staging}/dashboard-assets`,
  logLevel: 'warning',
});
if (existsSync('dist')) renameSync('dist', retired);
renameSync(staging, 'dist');
rmSync(retired, { recursive: true, force: true });

// The standalone evidence verifier, bundled into one file that runs on any Node ≥ 18 with nothing else
// installed (see apps/verifier): what a rights group keeps to check proofs offline.
await build({
  entryPoints: ['apps/verifier/src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  outfile: 'dist/verify-evidence.mjs',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
