import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIB_SOURCE = 'libs/event-store/src';
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/**
 * Compiles the port, the validation and the SQLite adapter (with the child scripts next to this file)
 * into `outDir` with the repo's own swc and .swcrc, so that a child process runs the real adapter as
 * plain JavaScript. Node's built-in type stripping cannot run the sources directly: it does not map
 * `./x.js` imports to `x.ts`, and it refuses constructor parameter properties. Only the folders the
 * adapter needs are compiled (and libs/integrity, whose log the adapter keeps), so work in progress elsewhere
 * in the lib cannot break these tests. Paths stay relative to the repo, as the aliases' rewrites expect.
 *
 * @returns where a compiled file is, given its path relative to libs/event-store/src ('.ts' → '.js').
 */
export function compileSqliteAdapter(outDir: string): (sourcePath: string) => string {
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/@swc/cli/bin/swc.js'),
      ...['sqlite', 'validation', 'errors.ts', 'event.ts', 'event-store.port.ts', 'position.ts'].map((path) =>
        join(LIB_SOURCE, path),
      ),
      'libs/integrity/src',
      '-d',
      outDir,
      '--config-file',
      join(REPO_ROOT, '.swcrc'),
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts',
      '--quiet',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // The compiled files are ES modules, like the sources.
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  // Their packages (canonicalize, for the log) resolve from the repo's own node_modules.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  return (sourcePath) => join(outDir, LIB_SOURCE, sourcePath.replace(/\.ts$/, '.js'));
}
