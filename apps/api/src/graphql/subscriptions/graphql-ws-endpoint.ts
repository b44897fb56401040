import { Logger } from '@nestjs/common';
import type { FastifyRequest, RouteOptions } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  subscribe,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import type { WebSocket } from 'ws';
import type { GraphqlAccess } from '../../auth/graphql-access.js';
import type { AccessContext } from '../../auth/request-access.js';
import { subscriptionClientError } from '../errors/subscription-errors.js';
import { subscriptionSlotsOf } from '../protocol/subscription-slots.js';
import { checkSubscriptionSource, validateSubscription } from '../validation/subscription-validation.js';
import { SharedExecutions, type SubscriberStream } from './shared-executions.js';

export interface GraphqlWsOptions {
  /** The schema HTTP executes (Mercurius's), read when a subscription starts. */
  schema: () => GraphQLSchema;
  access: GraphqlAccess;
  /** A connection that has not sent `connection_init` by then is closed with 4408. */
  connectionInitTimeoutMs: number;
  /** A WebSocket ping this often; a connection that has not answered by the next one is dropped. */
  keepAliveMs: number;
}

/** graphql-ws's `extra` with @fastify/websocket: the socket and the upgrade request. */
interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: FastifyRequest;
}

/** What a started subscription hands from `onSubscribe` to `subscribe`. */
interface Started {
  stream: SubscriberStream;
}

/** Parsed and validated documents by their text: dashboards send the same few subscriptions. */
const DOCUMENT_CACHE_SIZE = 1_000;
const logger = new Logger('Subscriptions');

/**
 * GraphQL subscriptions over graphql-ws (`graphql-transport-ws`), on the WebSocket of Mercurius's own
 * `GET /graphql` route, served by the graphql-ws library rather than Mercurius: it closes a connection
 * that never initialises (4408) or reuses a running id (4409), and lets subscribers of one selection
 * share its execution (SharedExecutions), which Mercurius, executing every change once per subscriber,
 * cannot. The upgrade still passes Fastify's hooks (the rate limit) as any request does.
 *
 * `attach` is an `onRoute` hook (added before @fastify/websocket registers, so its own hook sees the
 * handler); `serve` gives it what it needs once the app is built.
 */
export class GraphqlWsEndpoint {
  private handler: ((this: unknown, socket: WebSocket, request: FastifyRequest) => void) | undefined;

  readonly attach = (route: RouteOptions): void => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url !== '/graphql' || !methods.includes('GET')) return;
    const handlerOf = () => this.handler;
    // graphql-ws's handler runs with the route's Fastify instance as `this` (it reads its WebSocket server).
    (route as RouteOptions & { wsHandler: unknown }).wsHandler = function (
      this: unknown,
      socket: WebSocket,
      request: FastifyRequest,
    ) {
      const handler = handlerOf();
      if (handler === undefined) return socket.close(1013, 'Starting: try again');
      handler.call(this, socket, request);
    };
  };

  serve(options: GraphqlWsOptions): void {
    this.handler = graphqlWsHandler(options) as typeof this.handler;
  }
}

function graphqlWsHandler(options: GraphqlWsOptions) {
  const shared = new SharedExecutions();
  const documents = new Map<string, DocumentNode>();
  const connections = new WeakMap<object, AccessContext>();

  /** Size, depth and validity, as for a query; the document once it passed, kept by its text. */
  const checkedDocument = (schema: GraphQLSchema, query: string): DocumentNode => {
    const known = documents.get(query);
    if (known !== undefined) return known;
    const document = checkSubscriptionSource(query);
    validateSubscription(schema, document);
    if (documents.size >= DOCUMENT_CACHE_SIZE) documents.clear();
    documents.set(query, document);
    return document;
  };

  return makeHandler<Record<string, unknown> | undefined, Extra>(
    {
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      // Always accepted: a refusal is answered per subscription, with its code.
      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        const fromUpgrade = await options.access.subscriptionContext(socket, request);
        // Credentials in connection_init win over the upgrade's header.
        const fromInit = await options.access.onConnect({ payload: ctx.connectionParams });
        connections.set(ctx.extra, fromInit === true ? fromUpgrade : { ...fromUpgrade, ...fromInit });
        return true;
      },
      async onSubscribe(ctx, id, payload: SubscribePayload) {
        const schema = options.schema();
        const context = connections.get(ctx.extra) ?? {};
        let document: DocumentNode;
        let release: () => void = () => {};
        try {
          document = checkedDocument(schema, payload.query);
          refuseOtherOperations(document, payload.operationName);
          // Each subscription checks the connection's token again: one revoked since starts nothing.
          await options.access.authorizeSubscription(schema, document, context);
          release = subscriptionSlotsOf(ctx.extra.socket).take().release;
          const args: ExecutionArgs = {
            schema,
            document,
            operationName: payload.operationName ?? null,
            variableValues: payload.variables ?? null,
            contextValue: { ...context, id },
          };
          const key = JSON.stringify([payload.query, args.operationName, args.variableValues]);
          const joined = await shared.join(
            key,
            () => Promise.resolve(subscribe(args)),
            clientShaped,
            release,
          );
          if (!('next' in joined)) {
            release();
            return (joined.errors ?? []).map(subscriptionClientError);
          }
          logger.log({ msg: 'Subscription started', subscriptionId: id });
          return { ...args, contextValue: { stream: joined } satisfies Started };
        } catch (error) {
          release();
          return [subscriptionClientError(error)];
        }
      },
      subscribe: (args: ExecutionArgs) => (args.contextValue as Started).stream,
    },
    options.keepAliveMs,
  );
}

/** graphql-ws would run queries and mutations too; they belong on HTTP, where their limits are. */
function refuseOtherOperations(document: DocumentNode, operationName: string | null | undefined): void {
  const operation = getOperationAST(document, operationName)?.operation;
  if (operation === undefined || operation === 'subscription') return;
  throw new GraphQLError(
    `Only subscriptions are taken over graphql-ws: send the ${operation} over HTTP (POST /graphql).`,
    { extensions: { code: 'BAD_REQUEST' } },
  );
}

/** A change's errors, once per group, as clients see every error: with a code, no internals. */
function clientShaped(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map(subscriptionClientError) };
}
