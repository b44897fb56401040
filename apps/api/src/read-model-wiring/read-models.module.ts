import {
  Global,
  Inject,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import {
  openReadModel,
  PROJECTION_RUNNER,
  ProjectionRunner,
  READ_DATABASE,
  READ_MODEL_CLOCK,
  READ_MODEL_QUERY_PROVIDERS,
  RecordsReader,
  ChangesReader,
  lockReadDb,
  readModelProjections,
  type ReadDatabase,
  type ReadDbLock,
  ReadQueries,
} from '@tracker/read-models';
import { mkdirSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '@tracker/config';
import { RecordLookup } from '../graphql/records/record-lookup.js';
import { readDbPath } from '@tracker/config';
import { runnerLogger } from './runner-logger.js';

const READ_DB_LOCK = Symbol('READ_DB_LOCK');

/**
 * The read side of the app: the read DB at `<dataDir>/read.sqlite`, the projection runner feeding it
 * from the event store, and the QueryBus handlers reading it. Global, so the write side can wait on
 * PROJECTION_RUNNER (`waitForPosition`), resolvers can ask ReadQueries, subscriptions can follow its `changes`, and mutations can
 * answer with the projected record through RecordLookup.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_DATABASE,
      useFactory: (config: AppConfig, _lock: ReadDbLock): ReadDatabase =>
        openReadModel(readDbPath(config), undefined, {
          rebuild: config.rebuildReadModel,
          cache: config.readCache,
        }),
      inject: [APP_CONFIG, READ_DB_LOCK],
    },
    {
      // Taken before the read DB opens: this process alone feeds it (ReadDbInUseError otherwise).
      provide: READ_DB_LOCK,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ReadDbLock => {
        mkdirSync(config.dataDir, { recursive: true });
        return lockReadDb(readDbPath(config));
      },
    },
    { provide: READ_MODEL_CLOCK, useValue: () => new Date() },
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, READ_DATABASE],
      useFactory: (store: EventStore, readDb: ReadDatabase) =>
        new ProjectionRunner({ store, readDb, projections: readModelProjections(), logger: runnerLogger() }),
    },
    ...READ_MODEL_QUERY_PROVIDERS,
    RecordLookup,
  ],
  exports: [
    READ_DATABASE,
    READ_MODEL_CLOCK,
    PROJECTION_RUNNER,
    RecordLookup,
    RecordsReader,
    ChangesReader,
    ReadQueries,
  ],
})
export class ReadModelsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadModelsModule.name);

  constructor(
    @Inject(READ_DATABASE) private readonly readDb: ReadDatabase,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_DB_LOCK) private readonly lock: ReadDbLock,
  ) {}

  /** The store is open (its provider ran first): follow it from the read DB's checkpoint. */
  onApplicationBootstrap(): void {
    if (this.config.rebuildReadModel)
      this.logger.log('Rebuilding the read DB as asked (TRACKER_REBUILD_READ_MODEL): replaying the store');
    else if (this.readDb.rebuilt)
      this.logger.log('Read DB is new or its projections changed: replaying the store');
    this.runner.start();
  }

  /**
   * Before any onApplicationShutdown hook, so the runner lets go of its subscription while the event
   * store is still open (it is closed in EventStoreModule's onApplicationShutdown).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.readDb.close();
    this.lock.release();
  }
}
