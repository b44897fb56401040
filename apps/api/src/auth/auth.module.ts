import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ApiTokenStore, apiTokenFile } from '@tracker/tracking';
import { mkdirSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RequestAuthenticator } from './request-authenticator.js';

/** The token store the CLI writes (`tracker tokens create`), opened by the server to check bearer tokens. */
export const API_TOKEN_STORE = Symbol('API_TOKEN_STORE');

@Global()
@Module({
  providers: [
    {
      provide: API_TOKEN_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        mkdirSync(config.dataDir, { recursive: true });
        return ApiTokenStore.open(apiTokenFile(config.dataDir));
      },
    },
    {
      provide: RequestAuthenticator,
      inject: [API_TOKEN_STORE],
      useFactory: (tokens: ApiTokenStore) => new RequestAuthenticator(tokens),
    },
  ],
  exports: [RequestAuthenticator],
})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(API_TOKEN_STORE) private readonly tokens: ApiTokenStore) {}

  onApplicationShutdown(): void {
    this.tokens.close();
  }
}
