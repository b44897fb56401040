import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TrackingModule } from '@tracker/tracking';
import { LoggerModule } from 'nestjs-pino';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DemoDataLoader } from './demo/demo-data.loader.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { graphqlProtocolOptions } from './graphql/common/graphql-protocol.options.js';
import { createInputValidationPipe } from './graphql/common/input-validation.pipe.js';
import { ServerInfoResolver } from './graphql/server-info/server-info.resolver.js';
import { HealthController } from './health/health.controller.js';

/** The API server, assembled from a validated configuration. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Health probes would drown the request log.
            autoLogging: { ignore: (request) => request.url === '/health' },
          },
        }),
        EventStoreModule,
        TrackingModule,
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          path: '/graphql',
          graphiql: true,
          autoSchemaFile: join(process.cwd(), 'schema.gql'),
          sortSchema: true,
          ...graphqlProtocolOptions(),
        }),
      ],
      controllers: [HealthController],
      providers: [
        ServerInfoResolver,
        DemoDataLoader,
        // class-validator on every resolver argument, GraphQL included (BAD_USER_INPUT).
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
      ],
    };
  }
}
