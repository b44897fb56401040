import {
  type BeforeApplicationShutdown,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { APP_CONFIG, type AppConfig } from '@tracker/config';
import { Checkpointer } from '@tracker/integrity';
import { openTransparencyLog, type TransparencyLog } from './open-transparency-log.js';

export const TRANSPARENCY_LOG = Symbol('TRANSPARENCY_LOG');

/** The transparency log of the configured store (TRANSPARENCY_LOG), and its checkpoints signed on time. */
@Global()
@Module({
  providers: [
    {
      provide: TRANSPARENCY_LOG,
      inject: [EVENT_STORE, APP_CONFIG],
      useFactory: (store: EventStore, config: AppConfig): TransparencyLog =>
        openTransparencyLog(store, config),
    },
  ],
  exports: [TRANSPARENCY_LOG],
})
export class IntegrityModule
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('TransparencyLog');
  private readonly checkpointer: Checkpointer;

  constructor(
    @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.checkpointer = new Checkpointer(transparency.log, transparency.signer);
  }

  onApplicationBootstrap(): void {
    const failed = (what: string) => (error: unknown) =>
      this.logger.error({ err: error, msg: `The transparency log could not ${what}` });
    this.transparency.start(failed('follow the event store'));
    this.checkpointer.signIfGrown();
    this.checkpointer.start(this.config.checkpointIntervalMs, failed('sign a checkpoint'));
    this.logger.log({
      msg: 'Transparency log ready',
      size: this.transparency.log.size(),
      verifierKey: this.transparency.signer.verifierKey,
    });
  }

  /** The last appends get a checkpoint before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.checkpointer.stop();
    await this.transparency.stop();
    try {
      this.checkpointer.signIfGrown();
    } catch (error) {
      this.logger.warn({ err: error, msg: 'No checkpoint at shutdown' });
    }
  }

  onApplicationShutdown(): void {
    this.transparency.close();
  }
}
