import { Args } from '@nestjs/graphql';
import { IdempotencyKeyPipe } from './idempotency-key.pipe.js';

/**
 * The optional `idempotencyKey` argument every mutation takes: the same key from the same actor gives
 * the same ids, so a retried request records nothing twice and answers like the first time.
 */
export const IdempotencyKey = () =>
  Args(
    'idempotencyKey',
    {
      type: () => String,
      nullable: true,
      description:
        'Any string unique to this change (e.g. a UUID): retrying with the same key records nothing twice.',
    },
    IdempotencyKeyPipe,
  );
