import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tracker/config';

/** Makes the validated AppConfig injectable everywhere under APP_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
