import { Module } from '@nestjs/common';
import { ChangeDispatcher } from './change-dispatcher.js';
import { ChangeNoticesPublisher } from './change-notices.publisher.js';
import { CommitmentStatusChangeResolver } from './commitment-status-change.resolver.js';
import { RecordChangeResolver } from './record-change.resolver.js';

/**
 * GraphQL subscriptions' resolvers, fed by this instance's projection runner (PROJECTION_RUNNER and
 * RecordLookup come from the app's global ReadModelsModule). The graphql-ws protocol itself is served by
 * GraphqlWsEndpoint, wired in main.ts on the WebSocket of the GraphQL route.
 */
@Module({
  providers: [ChangeDispatcher, ChangeNoticesPublisher, RecordChangeResolver, CommitmentStatusChangeResolver],
})
export class SubscriptionsModule {}
