import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@tracker/event-store';
import { ApiTokenStore } from '@tracker/tracking';
import { RequestAuthenticator } from './request-authenticator.js';

/**
 * Bearer tokens, checked against the `api-tokens` stream of the event store the server runs on, so
 * every instance on one store knows the same tokens (the CLI writes them there).
 */
@Global()
@Module({
  providers: [
    {
      provide: RequestAuthenticator,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new RequestAuthenticator(new ApiTokenStore(store)),
    },
  ],
  exports: [RequestAuthenticator],
})
export class AuthModule {}
