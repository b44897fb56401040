import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@tracker/event-store';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Opens the configured event store (EVENT_STORE) once, shares it, and closes it last on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<EventStore> => {
        if (config.eventStore === 'kurrentdb') {
          // Loaded only when chosen: the client brings a native (prebuilt) gRPC bridge the embedded
          // default does not need.
          const { KurrentDbEventStore } = await import('@tracker/event-store/kurrentdb/index.js');
          const logger = new Logger('KurrentDB');
          return KurrentDbEventStore.connect({
            connectionString: config.kurrentDbConnectionString!,
            // Subscription outages are logged, never silent (the adapter resubscribes with backoff).
            logger: {
              warn: (message, context) => logger.warn({ ...context, msg: message }),
              info: (message, context) => logger.log({ ...context, msg: message }),
            },
          });
        }
        mkdirSync(config.dataDir, { recursive: true });
        return SqliteEventStore.open({
          path: join(config.dataDir, 'events.sqlite'),
          synchronous: config.sqliteSynchronous,
        });
      },
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}
