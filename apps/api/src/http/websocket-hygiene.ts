import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket, WebSocketServer } from 'ws';

/** graphql-ws close codes (its protocol's own), and the standard "try again later" for a slow reader. */
export const WEBSOCKET_CLOSE_CODES = {
  /** No `connection_init` within the allowed time. */
  connectionInitTimeout: 4408,
  /** A `subscribe` with the id of a subscription still running on the connection. */
  subscriberAlreadyExists: 4409,
  /** The client reads too slowly: more than the allowed bytes wait to be sent to it. */
  tooSlow: 1013,
} as const;

export interface WebSocketHygieneOptions {
  /** A connection that has not sent `connection_init` by then is closed with 4408. @defaultValue 10000 */
  connectionInitTimeoutMs: number;
  /** Bytes that may wait unsent to one connection before it is closed with 1013. @defaultValue 4 MiB */
  maxBufferedBytes: number;
}

interface ProtocolMessage {
  type?: unknown;
  id?: unknown;
}

/**
 * What graphql-ws requires of a server and Mercurius does not enforce, applied to every WebSocket of the
 * GraphQL endpoint: a connection must initialise in time; a subscription id is unique among the running
 * ones of its connection; and a client that cannot keep up is closed with a clear code instead of
 * growing the server's memory and holding back everyone else's deliveries. Runs beside Mercurius's own
 * handling, watching the same messages (ws delivers each to every listener, in order).
 */
export function applyWebSocketHygiene(server: WebSocketServer, options: WebSocketHygieneOptions): void {
  server.on('connection', (socket: WebSocket, _request: IncomingMessage) => {
    const running = new Set<string>();
    let initialised = false;
    const initTimer = setTimeout(() => {
      if (!initialised)
        socket.close(WEBSOCKET_CLOSE_CODES.connectionInitTimeout, 'Connection initialisation timeout');
    }, options.connectionInitTimeoutMs);
    initTimer.unref();

    // Listened to before Mercurius's own listener is added (this one is registered first), so a
    // duplicate id closes the connection before a second stream could start under it.
    socket.prependListener('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      const message = parse(data);
      if (message === undefined) return;
      switch (message.type) {
        case 'connection_init':
          initialised = true;
          clearTimeout(initTimer);
          return;
        case 'subscribe':
        case 'start': {
          if (typeof message.id !== 'string') return;
          if (running.has(message.id)) {
            socket.close(
              WEBSOCKET_CLOSE_CODES.subscriberAlreadyExists,
              `Subscriber for ${message.id} already exists`,
            );
            return;
          }
          running.add(message.id);
          return;
        }
        case 'complete':
        case 'stop':
          if (typeof message.id === 'string') running.delete(message.id);
          return;
      }
    });

    // The server's own messages: a finished subscription frees its id; and a backlog past the limit
    // means the client is not reading, so it is let go.
    const send = socket.send.bind(socket) as (data: string, callback?: (error?: Error) => void) => void;
    (socket as unknown as { send: typeof send }).send = (
      data: string,
      callback?: (error?: Error) => void,
    ) => {
      if (socket.bufferedAmount > options.maxBufferedBytes) {
        socket.close(
          WEBSOCKET_CLOSE_CODES.tooSlow,
          `Too slow: more than ${options.maxBufferedBytes} bytes waiting to be sent`,
        );
        callback?.(new Error('The connection was closed: the client reads too slowly'));
        return;
      }
      // Only the few messages that end a subscription are read (Mercurius writes `type` first); a
      // change delivered to thousands of subscribers is passed on untouched.
      if (
        typeof data === 'string' &&
        (data.startsWith('{"type":"complete"') || data.startsWith('{"type":"error"'))
      ) {
        const message = parse(data) as ProtocolMessage & { payload?: unknown };
        if (typeof message?.id === 'string') running.delete(message.id);
        if (message?.type === 'error')
          data = JSON.stringify({ ...message, payload: withCodes(message.payload) });
      }
      send(data, callback);
    };
    socket.once('close', () => clearTimeout(initTimer));
  });
}

/**
 * Every error a client receives carries a stable `extensions.code`. Mercurius refuses some subscribe
 * messages itself, before any hook, with a bare message: a query or mutation sent over graphql-ws is
 * the one a client meets, and it is told where to send it.
 */
function withCodes(payload: unknown): unknown {
  if (!Array.isArray(payload)) return payload;
  return payload.map((error: { message?: string; extensions?: { code?: string } }) => {
    if (error?.extensions?.code) return error;
    const operation = /^Invalid operation: (\w+)/.exec(error?.message ?? '')?.[1];
    return {
      ...error,
      ...(operation
        ? {
            message: `Only subscriptions are taken over graphql-ws: send the ${operation} over HTTP (POST /graphql).`,
          }
        : {}),
      extensions: { ...error?.extensions, code: 'BAD_REQUEST' },
    };
  });
}

function parse(data: RawData | string): ProtocolMessage | undefined {
  try {
    const value: unknown = JSON.parse(typeof data === 'string' ? data : data.toString());
    return typeof value === 'object' && value !== null ? (value as ProtocolMessage) : undefined;
  } catch {
    return undefined;
  }
}
