import type { FastifyRequest } from 'fastify';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { subscriptionClientError } from '../graphql/errors/subscription-errors.js';
import { connectionAuthorization } from './connection-credentials.js';
import { authorizeDocument, type AccessPolicy } from './operation-access.js';
import { accessOfRequest, resolveAccess, type AccessContext } from './request-access.js';
import type { RequestAuthenticator } from './request-authenticator.js';
import { readRefusal } from './read-policy.js';

/** The Mercurius options and hooks that put access control on every GraphQL operation. */
export interface GraphqlAccess {
  /** HTTP: the `Authorization` header. */
  context(request: FastifyRequest): Promise<AccessContext>;
  /** WebSocket upgrade: its `Authorization` header, for clients that can set one. */
  subscriptionContext(socket: unknown, request: FastifyRequest): Promise<AccessContext>;
  /** graphql-ws `connection_init`: credentials there win over the upgrade's header. */
  onConnect(message: { payload?: unknown }): Promise<AccessContext | true>;
  /** `preExecution`: queries and mutations over HTTP. */
  authorizeExecution(schema: GraphQLSchema, document: DocumentNode, context: unknown): void;
  /** `preSubscriptionExecution`: each subscription started on a connection. */
  authorizeSubscription(schema: GraphQLSchema, document: DocumentNode, context: unknown): Promise<void>;
  /** Whether the caller of this context may read (and so may be told what the schema holds). */
  mayRead(context: unknown): boolean;
}

/** A connection's context: its access, and the credentials it came from, to check again later. */
interface ConnectionContext extends AccessContext {
  credentials?: unknown;
}

export function graphqlAccess(authenticator: RequestAuthenticator, policy: AccessPolicy): GraphqlAccess {
  const fromHeader = async (request: FastifyRequest): Promise<AccessContext> => ({
    access: await accessOfRequest(authenticator, request),
  });
  return {
    context: fromHeader,
    subscriptionContext: async (_socket, request): Promise<ConnectionContext> => ({
      ...(await fromHeader(request)),
      credentials: request.headers.authorization,
    }),
    async onConnect({ payload }): Promise<ConnectionContext | true> {
      const authorization = connectionAuthorization(payload);
      // Always accept the connection: a refusal is answered per subscription, with its code, because
      // Mercurius would otherwise answer with a message graphql-transport-ws does not define.
      if (authorization === undefined) return true;
      return { access: await resolveAccess(authenticator, authorization), credentials: authorization };
    },
    authorizeExecution: (_schema, document, context) => authorizeDocument(document, context, policy),
    mayRead(context) {
      const access = (context as AccessContext | undefined)?.access;
      if (access === undefined || 'refused' in access) return false;
      return readRefusal(access.principal, policy.publicRead) === undefined;
    },
    async authorizeSubscription(_schema, document, context) {
      const connection = context as ConnectionContext;
      try {
        // A connection lives long: each subscription started on it checks its token again, so one
        // revoked or expired since connection_init starts nothing more.
        if (connection.credentials !== undefined) {
          connection.access = await resolveAccess(authenticator, connection.credentials);
        }
        authorizeDocument(document, connection, policy);
      } catch (error) {
        // Mercurius sends a subscription's errors as they are, without the error formatter.
        throw subscriptionClientError(error);
      }
    },
  };
}
