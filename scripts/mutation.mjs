// `npm run mutation -- <part>`: StrykerJS on one part of the code (stryker/<part>.config.mjs), incremental
// (only mutants whose code or tests changed since the last run are tested again). Not part of CI: on two
// cores a part takes minutes. Reports land in reports/mutation/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const parts = readdirSync('stryker')
  .filter((file) => file.endsWith('.config.mjs') && file !== 'base.config.mjs')
  .map((file) => file.replace('.config.mjs', ''));
const [part, ...rest] = process.argv.slice(2);
if (!part || !parts.includes(part)) {
  console.error(
    `usage: npm run mutation -- <${parts.join('|')}> [stryker options, e.g. --force for a full run]`,
  );
  process.exit(2);
}
const config = `stryker/${part}.config.mjs`;
if (!existsSync(config)) process.exit(2);
const run = spawnSync(
  process.execPath,
  ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', config, ...rest],
  {
    stdio: 'inherit',
  },
);
process.exitCode = run.status ?? 1;
