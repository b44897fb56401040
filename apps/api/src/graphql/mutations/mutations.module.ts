import { Module } from '@nestjs/common';
import { ArrestMutationsResolver } from './arrests/arrest-mutations.resolver.js';
import { CommitmentMutationsResolver } from './commitments/commitment-mutations.resolver.js';
import { CorrectionMutationsResolver } from './corrections/correction-mutations.resolver.js';
import { DetentionMutationsResolver } from './detentions/detention-mutations.resolver.js';
import { FigureMutationsResolver } from './figures/figure-mutations.resolver.js';
import { MeetingMutationsResolver } from './meetings/meeting-mutations.resolver.js';
import { IdempotencyKeyPipe } from './shared/idempotency-key.pipe.js';
import { RecordCommandSender } from './shared/record-command.sender.js';
import { ShutdownMutationsResolver } from './shutdowns/shutdown-mutations.resolver.js';
import { StatementMutationsResolver } from './statements/statement-mutations.resolver.js';
import { TaskForceMutationsResolver } from './task-forces/task-force-mutations.resolver.js';

/**
 * The write side of the GraphQL API: one mutation per domain command. Needs the CommandBus
 * (TrackingModule) and the PROJECTION_RUNNER of the app's read models, both global to the app.
 */
@Module({
  providers: [
    RecordCommandSender,
    IdempotencyKeyPipe,
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
