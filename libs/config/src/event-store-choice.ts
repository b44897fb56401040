import { Logger } from '@nestjs/common';
import type { EventStoreChoice } from '@tracker/event-store';
import { join } from 'node:path';
import type { AppConfig } from './app-config.js';

/** The event store the configuration names: the server and the CLI open the same one. */
export function eventStoreChoice(config: AppConfig): EventStoreChoice {
  if (config.eventStore === 'kurrentdb') {
    const logger = new Logger('KurrentDB');
    return {
      kind: 'kurrentdb',
      connectionString: config.kurrentDbConnectionString!,
      // Subscription outages are logged, never silent (the adapter resubscribes with backoff).
      logger: {
        warn: (message, context) => logger.warn({ ...context, msg: message }),
        info: (message, context) => logger.log({ ...context, msg: message }),
      },
    };
  }
  return {
    kind: 'sqlite',
    path: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous,
  };
}
