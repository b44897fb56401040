import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, type AppConfig } from '@tracker/config';

@ObjectType({ description: 'What this server is and runs on.' })
export class ServerInfo {
  @Field({ description: 'The tracker version.' })
  version: string;

  @Field({ description: 'The event store this instance appends to.' })
  eventStore: string;
}

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Query(() => ServerInfo, { description: 'The server and its event store.' })
  serverInfo(): ServerInfo {
    return { version: process.env.npm_package_version ?? '0.1.0', eventStore: this.config.eventStore };
  }
}
