// Mutation testing of the projection runner and its checkpoint: `npm run mutation -- projection-runner`.
import { mutationConfig } from './base.config.mjs';

export default mutationConfig('projection-runner', {
  specs: ['libs/read-models/src/runner/**/*.int-spec.ts'],
  mutate: ['libs/read-models/src/runner/**/*.ts', '!**/*.spec.ts', '!**/*.int-spec.ts'],
  timeoutMS: 30000,
});
