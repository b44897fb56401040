// Jest 30 in native ESM mode (run with --experimental-vm-modules); swc transforms TypeScript.
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2024',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleNameMapper: {
    // Deep imports of a lib's testing helpers: TypeScript (nodenext) wants the '.js' form.
    '^@tracker/event-store/(.*)\\.js$': '<rootDir>/libs/event-store/src/$1.ts',
    '^@tracker/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@tracker/integrity/verification$': '<rootDir>/libs/integrity/src/verification.ts',
    '^@tracker/domain/testing$': '<rootDir>/libs/domain/src/testing/index.ts',
    '^@tracker/(config|domain|event-store|exchange|integrity|mutation-inputs|read-models|tracking)$':
      '<rootDir>/libs/$1/src/index.ts',
    // ESM sources import siblings as './x.js'; Jest resolves the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // Real I/O suites (SQLite files, child processes, servers) are slow to start on 2 cores; the
  // per-test timeout is generous so a loaded machine never fails a test, benchmarks measure speed.
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/build-once.js',
    },
  ],
};
