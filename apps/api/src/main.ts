import 'reflect-metadata';
import fastifyWebsocket from '@fastify/websocket';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReadDbInUseError } from '@tracker/read-models';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { RequestAuthenticator } from './auth/request-authenticator.js';
import { ConfigError, loadAppConfig } from '@tracker/config';
import { registerRateLimit } from './http/rate-limit.js';
import { answerRateLimitedBrowsersWithPages } from './dashboard/rate-limited-pages.js';
import { acceptStrictUtf8Json } from './http/strict-utf8-json.js';
import { applyWebSocketHygiene } from './http/websocket-hygiene.js';
import { graphqlAccess } from './auth/graphql-access.js';
import { GraphqlWsEndpoint } from './graphql/subscriptions/graphql-ws-endpoint.js';
import type { GraphQLSchema } from 'graphql';
import type { WebSocketServer } from 'ws';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  // A bigger body is answered 413 PAYLOAD_TOO_LARGE by the GraphQL error formatter. A request that
  // stalls (a body that stops after a few bytes) is cut: its socket once idle for the timeout
  // (connectionTimeout), and any request not whole by then (requestTimeout, checked by Node every 30 s).
  const adapter = new FastifyAdapter({
    bodyLimit: config.maxBodyBytes,
    connectionTimeout: config.httpRequestTimeoutMs,
    requestTimeout: config.httpRequestTimeoutMs,
  });
  acceptStrictUtf8Json(adapter.getInstance() as never);
  // Subscriptions: graphql-ws on the WebSocket of Mercurius's GET /graphql route. Its hook is added
  // before @fastify/websocket's own, which then finds the route's WebSocket handler in place.
  const subscriptions = new GraphqlWsEndpoint();
  adapter.getInstance().addHook('onRoute', subscriptions.attach as never);
  // The WebSocket server (1 MiB messages), registered here so the app holds it and watches every connection.
  await adapter.register(fastifyWebsocket as never, { options: { maxPayload: 1_048_576 } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    // Bodies are JSON only, parsed strictly (strict-utf8-json.ts): Nest adds no parsers of its own.
    bodyParser: false,
  });
  // Before listen: the routes (Nest's and Mercurius's) are added at init, and each must get the limiter.
  await registerRateLimit(app, config, app.get(RequestAuthenticator));
  if (config.rateLimitMax > 0) answerRateLimitedBrowsersWithPages(adapter.getInstance() as never);
  app.useLogger(app.get(Logger));
  const fastify = adapter.getInstance() as unknown as {
    websocketServer: WebSocketServer;
    graphql: { schema: GraphQLSchema };
  };
  applyWebSocketHygiene(fastify.websocketServer, { maxBufferedBytes: config.wsMaxBufferedBytes });
  subscriptions.serve({
    schema: () => fastify.graphql.schema,
    access: graphqlAccess(app.get(RequestAuthenticator), { publicRead: config.publicRead }),
    connectionInitTimeoutMs: config.wsConnectionInitTimeoutMs,
    keepAliveMs: config.wsKeepAliveMs,
  });
  await app.listen(config.port, config.host);
  const logger = app.get(Logger);
  logger.log(
    `Tracker listening on ${await app.getUrl()} (the dashboard at /, GraphiQL at /graphiql)`,
    'Bootstrap',
  );

  // SIGTERM/SIGINT: Fastify stops accepting and lets in-flight requests (and their appends) finish,
  // then the shutdown hooks close the read side and the event store, and the process exits 0.
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down`, 'Bootstrap');
    // Subscribers are told why their connection ends and that they may come back (1001 Going Away),
    // rather than finding it cut while the modules close.
    for (const client of fastify.websocketServer.clients) {
      client.close(1001, 'The server is shutting down: reconnect');
    }
    app
      .close()
      .then(() => {
        logger.log('Shut down cleanly', 'Bootstrap');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ReadDbInUseError) {
    console.error(error.message);
  } else {
    console.error('The tracker failed to start:', error);
  }
  process.exit(1);
});
