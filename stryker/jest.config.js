// Jest for mutation testing: jest.config.js's own transform and module mapping, as one project (Stryker's
// runner takes one), with the specs its Stryker config names (STRYKER_SPECS: globs from the repo's root).
import base from '../jest.config.js';

const {
  displayName: _name,
  testMatch: _match,
  ...unit
} = base.projects.find((project) => project.displayName === 'unit');

export default {
  ...unit,
  rootDir: '..',
  testMatch: (process.env.STRYKER_SPECS ?? '').split(',').map((glob) => `<rootDir>/${glob}`),
  testTimeout: base.testTimeout,
};
