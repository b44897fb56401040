import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TrackingModule } from '@tracker/tracking';
import { LoggerModule } from 'nestjs-pino';
import { GraphQLDateTime } from 'graphql-scalars';
import { AuthModule } from './auth/auth.module.js';
import { graphqlAccess } from './auth/graphql-access.js';
import { RequestAuthenticator } from './auth/request-authenticator.js';
import type { AppConfig } from '@tracker/config';
import { ConfigModule } from './config/config.module.js';
import { DemoDataLoader } from './demo/demo-data.loader.js';
import { EventStoreModule } from './event-store-wiring/event-store.module.js';
import { GraphqlExceptionsFilter } from './graphql/errors/graphql-exceptions.filter.js';
import { graphqlProtocolOptions } from './graphql/protocol/graphql-protocol.options.js';
import { createInputValidationPipe } from '@tracker/mutation-inputs';
import { MutationsModule } from './graphql/mutations/mutations.module.js';
import { SubscriptionsModule } from './graphql/subscriptions/subscriptions.module.js';
import { CommitmentsResolver } from './graphql/commitments/commitments.resolver.js';
import { CountriesResolver, FigureComparisonResolver } from './graphql/countries/countries.resolver.js';
import { ChangesResolver } from './graphql/changes/changes.resolver.js';
import { HistoryResolver } from './graphql/history/history.resolver.js';
import { IntegrityResolver } from './graphql/integrity/integrity.resolver.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { DetentionsResolver } from './graphql/records/detentions.resolver.js';
import { RecordsResolver } from './graphql/records/records.resolver.js';
import { ActorsResolver } from './graphql/actors/actors.resolver.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { ServerInfoResolver } from './graphql/server-info/server-info.resolver.js';
import { HealthController } from './health/health.controller.js';
import { ExportsController } from './http/exports.controller.js';
import { ReadModelsModule } from './read-model-wiring/read-models.module.js';

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
        IntegrityModule,
        TrackingModule,
        ReadModelsModule,
        MutationsModule,
        SubscriptionsModule,
        AuthModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [RequestAuthenticator],
          useFactory: (authenticator: RequestAuthenticator) => ({
            path: '/graphql',
            // GraphiQL is served by the dashboard from bundled assets (Mercurius's loads its code from a CDN).
            graphiql: false,
            // Built in memory; written to a file only when asked (npm run schema), never by default, so a
            // read-only install starts.
            autoSchemaFile: config.schemaFile ?? true,
            sortSchema: true,
            // RFC 3339 date-times, strictly: a day that does not exist (2026-11-31) is refused, not rolled over.
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: GraphQLDateTime }] },
            ...graphqlProtocolOptions(graphqlAccess(authenticator, { publicRead: config.publicRead })),
          }),
        }),
      ],
      controllers: [HealthController, ExportsController, DashboardController],
      providers: [
        ServerInfoResolver,
        // The read side's queries (the QueryBus handlers are in ReadModelsModule).
        RecordsResolver,
        ActorsResolver,
        DetentionsResolver,
        CommitmentsResolver,
        CountriesResolver,
        FigureComparisonResolver,
        HistoryResolver,
        ChangesResolver,
        IntegrityResolver,
        DemoDataLoader,
        // class-validator on every resolver argument, GraphQL included (BAD_USER_INPUT).
        { provide: APP_PIPE, useFactory: createInputValidationPipe },
        // Resolver errors go to the GraphQL error formatter, which maps and logs them once.
        { provide: APP_FILTER, useClass: GraphqlExceptionsFilter },
      ],
    };
  }
}
