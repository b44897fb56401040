// Mutation testing of libs/domain: `npm run mutation -- domain`. See README, "Mutation testing".
process.env.STRYKER_SPECS = 'libs/domain/src/**/*.spec.ts';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
  jest: { projectType: 'custom', configFile: 'stryker/jest.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: ['libs/domain/src/**/*.ts', '!libs/domain/src/**/*.spec.ts', '!libs/domain/src/testing/**'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/domain.html' },
  jsonReporter: { fileName: 'reports/mutation/domain.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/domain.incremental.json',
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  timeoutMS: 10000,
};
