// Mutation testing of libs/domain: `npm run mutation -- domain`.
import { mutationConfig } from './base.config.mjs';

export default mutationConfig('domain', {
  specs: ['libs/domain/src/**/*.spec.ts'],
  mutate: ['libs/domain/src/**/*.ts', '!libs/domain/src/**/*.spec.ts', '!libs/domain/src/testing/**'],
});
