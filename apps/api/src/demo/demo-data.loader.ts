import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { loadDemoData, RecordCommandExecutor } from '@tracker/tracking';
import { APP_CONFIG, type AppConfig } from '@tracker/config';

/** On an empty store, records the demo dataset once at start (TRACKER_DEMO_DATA=false turns it off). */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataLoader.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RecordCommandExecutor) private readonly executor: RecordCommandExecutor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    const result = await loadDemoData(this.store, this.executor);
    if (result.loaded) this.logger.log(`Loaded the demo dataset: ${result.commands} commands`);
  }
}
