import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIB_SOURCE = fileURLToPath(new URL('../../', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/**
 * Compiles the port, the validation and the SQLite adapter (with the child scripts next to this file)
 * into `outDir` with the repo's own swc and .swcrc, so that a child process runs the real adapter as
 * plain JavaScript. Node's built-in type stripping cannot run the sources directly: it does not map
 * `./x.js` imports to `x.ts`, and it refuses constructor parameter properties. Only the folders the
 * adapter needs are compiled, so work in progress elsewhere in the lib cannot break these tests.
 *
 * @returns where a compiled file is, given its path relative to libs/event-store/src ('.ts' → '.js').
 */
export function compileSqliteAdapter(outDir: string): (sourcePath: string) => string {
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/@swc/cli/bin/swc.js'),
      'sqlite',
      'validation',
      'errors.ts',
      'event.ts',
      'event-store.port.ts',
      'position.ts',
      '-d',
      outDir,
      '--config-file',
      join(REPO_ROOT, '.swcrc'),
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts',
      '--quiet',
    ],
    { cwd: LIB_SOURCE, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // The compiled files are ES modules, like the sources.
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  return (sourcePath) => join(outDir, sourcePath.replace(/\.ts$/, '.js'));
}
