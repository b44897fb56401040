// Mutation testing of the SQLite event store (its adapter, the validation it shares, the contract suite it
// passes): `npm run mutation -- event-store`.
import { mutationConfig } from './base.config.mjs';

export default mutationConfig('event-store', {
  specs: [
    'libs/event-store/src/sqlite/**/*.spec.ts',
    'libs/event-store/src/sqlite/**/*.int-spec.ts',
    'libs/event-store/src/validation/**/*.spec.ts',
    'libs/event-store/src/position.spec.ts',
  ],
  mutate: [
    'libs/event-store/src/sqlite/**/*.ts',
    'libs/event-store/src/validation/**/*.ts',
    'libs/event-store/src/position.ts',
    '!**/*.spec.ts',
    '!**/*.int-spec.ts',
    '!libs/event-store/src/sqlite/testing/**',
  ],
  // Its tests take under 2 s in all: a mutant still running after 5 s more is looping.
  timeoutMS: 5000,
});
