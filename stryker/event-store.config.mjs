// Mutation testing of the SQLite event store (its adapter, the validation it shares, the contract suite it
// passes): `npm run mutation -- event-store`. See README, "Mutation testing".
process.env.STRYKER_SPECS = [
  'libs/event-store/src/sqlite/**/*.spec.ts',
  'libs/event-store/src/sqlite/**/*.int-spec.ts',
  'libs/event-store/src/validation/**/*.spec.ts',
  'libs/event-store/src/position.spec.ts',
].join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning'],
  jest: { projectType: 'custom', configFile: 'stryker/jest.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/event-store/src/sqlite/**/*.ts',
    'libs/event-store/src/validation/**/*.ts',
    'libs/event-store/src/position.ts',
    '!**/*.spec.ts',
    '!**/*.int-spec.ts',
    '!libs/event-store/src/sqlite/testing/**',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/event-store.html' },
  jsonReporter: { fileName: 'reports/mutation/event-store.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/event-store.incremental.json',
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  timeoutMS: 30000,
};
