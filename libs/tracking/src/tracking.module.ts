import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { RecordCommandExecutor } from './commands/record-command-executor.js';

/** Clock used for "today" in decisions; override in tests. */
export const TRACKING_CLOCK = Symbol('TRACKING_CLOCK');

/**
 * The application module shared by the API and the CLI: one executor that decides each command with
 * the domain and appends it to the EVENT_STORE that the importing app provides.
 */
@Module({
  providers: [
    { provide: TRACKING_CLOCK, useValue: () => new Date() },
    {
      provide: RecordCommandExecutor,
      inject: [EVENT_STORE, TRACKING_CLOCK],
      useFactory: (store: EventStore, clock: () => Date) => new RecordCommandExecutor({ store, clock }),
    },
  ],
  exports: [RecordCommandExecutor],
})
export class TrackingModule {}
