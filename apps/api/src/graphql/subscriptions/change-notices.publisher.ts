import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PROJECTION_RUNNER, type ChangeNotice, type ProjectionRunner } from '@tracker/read-models';
import type { Subscription } from 'rxjs';
import { ChangeDispatcher } from './change-dispatcher.js';
import { CHANGE_TOPICS } from './change-topics.js';
import type { CommitmentStatusChange } from './commitment-status-change.type.js';
import type { RecordChange } from './record-change.type.js';

/**
 * Feeds GraphQL subscriptions from this instance's own projection runner: each change notice, published
 * by the runner after the read DB committed the change, goes to the dispatcher once, which hands it to
 * the subscriptions following its countries and kind. Mutations never publish, so a subscriber only
 * hears of a change the read model can already answer for, on every instance alike.
 */
@Injectable()
export class ChangeNoticesPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeNoticesPublisher.name);
  private subscription: Subscription | undefined;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'changes'>,
    @Inject(ChangeDispatcher) private readonly dispatcher: ChangeDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.runner.changes.subscribe({
      next: (notice) => this.publish(notice),
      error: (error: unknown) => this.logger.error(`Change notices failed: ${(error as Error).message}`),
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private publish(notice: ChangeNotice): void {
    const change: RecordChange = {
      recordId: notice.recordId,
      kind: notice.kind as RecordChange['kind'],
      countries: notice.countries,
      countriesRemoved: notice.countriesRemoved ?? [],
      actors: notice.actors ?? [],
      position: notice.position,
      eventType: notice.eventType,
    };
    const audience = [...change.countries, ...change.countriesRemoved];
    this.dispatcher.dispatch(
      CHANGE_TOPICS.recordChanged,
      audience,
      change.kind,
      { recordChanged: change },
      change.actors,
    );
    if (notice.commitmentStatus) {
      const statusChange: CommitmentStatusChange = {
        recordId: notice.recordId,
        countries: notice.commitmentStatus.countries,
        from: notice.commitmentStatus.from as CommitmentStatusChange['from'],
        to: notice.commitmentStatus.to as CommitmentStatusChange['to'],
        position: notice.position,
        eventType: notice.eventType,
      };
      this.dispatcher.dispatch(CHANGE_TOPICS.commitmentStatusChanged, statusChange.countries, undefined, {
        commitmentStatusChanged: statusChange,
      });
    }
  }
}
