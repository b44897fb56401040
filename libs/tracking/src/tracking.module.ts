import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { ExecuteRecordCommandHandler } from './commands/execute-record-command.handler.js';
import { RecordCommandExecutor } from './commands/record-command-executor.js';

/** Clock used for "today" in decisions; override in tests. */
export const TRACKING_CLOCK = Symbol('TRACKING_CLOCK');

/**
 * The application module shared by the API and the CLI: commands through the CommandBus, decided by the
 * domain, appended to the EVENT_STORE that the importing app provides.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    { provide: TRACKING_CLOCK, useValue: () => new Date() },
    {
      provide: RecordCommandExecutor,
      inject: [EVENT_STORE, TRACKING_CLOCK],
      useFactory: (store: EventStore, clock: () => Date) => new RecordCommandExecutor({ store, clock }),
    },
    ExecuteRecordCommandHandler,
  ],
  exports: [CqrsModule, RecordCommandExecutor],
})
export class TrackingModule {}
