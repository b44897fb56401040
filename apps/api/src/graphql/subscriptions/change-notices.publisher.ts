import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PROJECTION_RUNNER, type ChangeNotice, type ProjectionRunner } from '@tracker/read-models';
import type { PubSub } from 'mercurius';
import type { Subscription } from 'rxjs';
import { CHANGE_TOPICS } from './change-topics.js';
import type { CommitmentStatusChange } from './commitment-status-change.type.js';
import type { RecordChange } from './record-change.type.js';

/**
 * Feeds GraphQL subscriptions from this instance's own projection runner: each change notice, published
 * by the runner after the read DB committed the change, goes into Mercurius's pubsub once, and each
 * subscriber's filter picks what it follows. Mutations never publish, so a subscriber only hears of a
 * change the read model can already answer for, on every instance alike.
 */
@Injectable()
export class ChangeNoticesPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeNoticesPublisher.name);
  private subscription: Subscription | undefined;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'changes'>,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    // Mercurius decorates Fastify with `graphql` (and its pubsub) when the GraphQL module starts.
    const pubsub = (this.adapterHost.httpAdapter.getInstance() as { graphql: { pubsub: PubSub } }).graphql
      .pubsub;
    this.subscription = this.runner.changes.subscribe({
      next: (notice) => this.publish(pubsub, notice),
      error: (error: unknown) => this.logger.error(`Change notices failed: ${(error as Error).message}`),
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private publish(pubsub: PubSub, notice: ChangeNotice): void {
    const change: RecordChange = {
      recordId: notice.recordId,
      kind: notice.kind as RecordChange['kind'],
      countries: notice.countries,
      position: notice.position,
      eventType: notice.eventType,
    };
    this.send(pubsub, CHANGE_TOPICS.recordChanged, { recordChanged: change });
    if (notice.commitmentStatus) {
      const statusChange: CommitmentStatusChange = {
        recordId: notice.recordId,
        countries: notice.commitmentStatus.countries,
        from: notice.commitmentStatus.from as CommitmentStatusChange['from'],
        to: notice.commitmentStatus.to as CommitmentStatusChange['to'],
        position: notice.position,
        eventType: notice.eventType,
      };
      this.send(pubsub, CHANGE_TOPICS.commitmentStatusChanged, { commitmentStatusChanged: statusChange });
    }
  }

  private send(pubsub: PubSub, topic: string, payload: object): void {
    // The in-process emitter calls back with an error only if a listener failed to take the message.
    const done = (error?: unknown) => {
      if (error) this.logger.error(`Could not publish ${topic}: ${(error as Error).message}`);
    };
    pubsub.publish({ topic, payload }, done as () => void);
  }
}
