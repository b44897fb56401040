import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

type Paths = Record<string, string[]>;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, never>;
const normalise = (paths: Paths) =>
  Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [alias, target!.replace(/^\.\//, '')]));

/**
 * The `@tracker/*` aliases are written three times: for the type checker (tsconfig.json), the build
 * (.swcrc, which rewrites them to relative paths) and Jest. One missing from the build compiles and
 * type-checks, then fails only when the built code runs (it did: `npm run bench` could not start).
 */
describe('path aliases', () => {
  const typeChecker = normalise((readJson('tsconfig.json').compilerOptions as { paths: Paths }).paths);

  it('are the same for the build as for the type checker', () => {
    const build = normalise((readJson('.swcrc').jsc as { paths: Paths }).paths);
    expect(build).toEqual(typeChecker);
  });

  it('lead Jest to the same files', async () => {
    const { default: jestConfig } = (await import(pathToFileURL('jest.config.js').href)) as {
      default: unknown;
    };
    const mapper = Object.entries(
      (jestConfig as { projects: { moduleNameMapper: Record<string, string> }[] }).projects[0]!
        .moduleNameMapper,
    );
    const resolve = (specifier: string) => {
      for (const [pattern, target] of mapper) {
        const match = new RegExp(pattern).exec(specifier);
        if (match) return target.replace(/\$(\d)/g, (_, n: string) => match[Number(n)]!);
      }
      return specifier;
    };
    for (const [alias, target] of Object.entries(typeChecker)) {
      if (alias.endsWith('*')) continue;
      expect([alias, resolve(alias)]).toEqual([alias, `<rootDir>/${target}`]);
    }
  });
});
