// Mutation testing of the projection runner and its checkpoint: `npm run mutation -- projection-runner`.
process.env.STRYKER_SPECS = 'libs/read-models/src/runner/**/*.int-spec.ts';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
  jest: { projectType: 'custom', configFile: 'stryker/jest.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: ['libs/read-models/src/runner/**/*.ts', '!**/*.spec.ts', '!**/*.int-spec.ts'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/projection-runner.html' },
  jsonReporter: { fileName: 'reports/mutation/projection-runner.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/projection-runner.incremental.json',
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  timeoutMS: 30000,
};
