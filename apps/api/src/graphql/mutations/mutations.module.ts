import { Module } from '@nestjs/common';
import { TrackingModule } from '@tracker/tracking';
import { RecordMutationsResolver } from './record-mutations.resolver.js';
import { IdempotencyKeyPipe } from './shared/idempotency-key.pipe.js';
import { RecordMutationPayloadResolver } from './shared/record-mutation-payload.resolver.js';

/**
 * The write side of the GraphQL API: one mutation per domain command (RECORD_MUTATIONS), sent straight
 * to TrackingModule's executor; PROJECTION_RUNNER and RecordLookup come from the app's global
 * ReadModelsModule.
 */
@Module({
  imports: [TrackingModule],
  providers: [IdempotencyKeyPipe, RecordMutationPayloadResolver, RecordMutationsResolver],
})
export class MutationsModule {}
