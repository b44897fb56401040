// What every part's mutation run shares (`npm run mutation -- <part>`; see README, "Mutation testing"):
// Jest with the repo's transform, the TypeScript checker, per-test coverage so a mutant runs only the tests
// that reach it, and an incremental file so a run tests again only what changed.

/**
 * @param {string} part the report's name
 * @param {{ specs: string[], mutate: string[], timeoutMS?: number }} options
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function mutationConfig(part, { specs, mutate, timeoutMS = 10000 }) {
  // Read by stryker/jest.config.js: which specs this part's mutants are tested with.
  process.env.STRYKER_SPECS = specs.join(',');
  return {
    testRunner: 'jest',
    testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
    jest: { projectType: 'custom', configFile: 'stryker/jest.config.js', enableFindRelatedTests: false },
    coverageAnalysis: 'perTest',
    // A mutant that does not type-check is reported as a compile error and not run (nor scored).
    checkers: ['typescript'],
    tsconfigFile: 'stryker/tsconfig.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    mutate,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${part}.html` },
    jsonReporter: { fileName: `reports/mutation/${part}.json` },
    incremental: true,
    incrementalFile: `reports/mutation/${part}.incremental.json`,
    concurrency: 2,
    tempDirName: '.stryker-tmp',
    timeoutMS,
  };
}
