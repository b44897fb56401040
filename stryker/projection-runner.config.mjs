// Mutation testing of the projection runner and its checkpoint: `npm run mutation -- projection-runner`.
// Its specs are the runner's own and every read-model suite that feeds a read DB through it.
import { mutationConfig } from './base.config.mjs';

export default mutationConfig('projection-runner', {
  specs: ['libs/read-models/src/**/*.int-spec.ts'],
  mutate: ['libs/read-models/src/runner/**/*.ts', '!**/*.spec.ts', '!**/*.int-spec.ts'],
  timeoutMS: 10000,
});
