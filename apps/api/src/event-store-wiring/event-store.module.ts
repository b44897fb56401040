import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, openEventStore, type EventStore } from '@tracker/event-store';
import { APP_CONFIG, type AppConfig } from '@tracker/config';
import { eventStoreChoice } from '@tracker/config';

/** Opens the configured event store (EVENT_STORE) once, shares it, and closes it last on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<EventStore> => openEventStore(eventStoreChoice(config)),
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
