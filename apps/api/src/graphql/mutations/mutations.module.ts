import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ArrestMutationsResolver } from './arrests/arrest-mutations.resolver.js';
import { CommitmentMutationsResolver } from './commitments/commitment-mutations.resolver.js';
import { CorrectionMutationsResolver } from './corrections/correction-mutations.resolver.js';
import { DetentionMutationsResolver } from './detentions/detention-mutations.resolver.js';
import { FigureMutationsResolver } from './figures/figure-mutations.resolver.js';
import { MeetingMutationsResolver } from './meetings/meeting-mutations.resolver.js';
import { IdempotencyKeyPipe } from './shared/idempotency-key.pipe.js';
import { RecordCommandSender } from './shared/record-command.sender.js';
import { RecordMutationPayloadResolver } from './shared/record-mutation-payload.resolver.js';
import { ShutdownMutationsResolver } from './shutdowns/shutdown-mutations.resolver.js';
import { StatementMutationsResolver } from './statements/statement-mutations.resolver.js';
import { TaskForceMutationsResolver } from './task-forces/task-force-mutations.resolver.js';

/**
 * The write side of the GraphQL API: one mutation per domain command. Sends through the
 * CommandBus (handled by TrackingModule's handler); PROJECTION_RUNNER and RecordLookup come from
 * the app's global ReadModelsModule.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    RecordCommandSender,
    IdempotencyKeyPipe,
    RecordMutationPayloadResolver,
    MeetingMutationsResolver,
    CommitmentMutationsResolver,
    TaskForceMutationsResolver,
    ArrestMutationsResolver,
    DetentionMutationsResolver,
    ShutdownMutationsResolver,
    FigureMutationsResolver,
    StatementMutationsResolver,
    CorrectionMutationsResolver,
  ],
})
export class MutationsModule {}
