import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';

/** graphql-ws close codes (its protocol's own, sent by the graphql-ws server), and the standard "try again later". */
export const WEBSOCKET_CLOSE_CODES = {
  /** No `connection_init` within the allowed time. */
  connectionInitTimeout: 4408,
  /** A `subscribe` with the id of a subscription still running on the connection. */
  subscriberAlreadyExists: 4409,
  /** The client reads too slowly: more than the allowed bytes wait to be sent to it. */
  tooSlow: 1013,
} as const;

export interface WebSocketHygieneOptions {
  /** Bytes that may wait unsent to one connection before it is closed with 1013. @defaultValue 4 MiB */
  maxBufferedBytes: number;
}

type Send = (data: string, callback?: (error?: Error) => void) => void;

/**
 * Applied to every WebSocket of the server, under the graphql-ws protocol's handling:
 * - a client that cannot keep up is closed with 1013 once more than `maxBufferedBytes` wait to be sent
 *   to it, instead of growing the server's memory and holding back everyone else's deliveries;
 * - what is sent to one connection in one turn of the event loop leaves in one write: a change reaching
 *   ten subscriptions of a connection is one system call, not ten (the TCP socket is corked at the first
 *   message and uncorked once the turn's work is done).
 */
export function applyWebSocketHygiene(server: WebSocketServer, options: WebSocketHygieneOptions): void {
  server.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const tcp: Socket | undefined = request?.socket;
    let corked = false;
    const uncork = () => {
      corked = false;
      tcp?.uncork();
    };
    const send = socket.send.bind(socket) as Send;
    (socket as unknown as { send: Send }).send = (data, callback) => {
      if (socket.bufferedAmount > options.maxBufferedBytes) {
        socket.close(
          WEBSOCKET_CLOSE_CODES.tooSlow,
          `Too slow: more than ${options.maxBufferedBytes} bytes waiting to be sent`,
        );
        callback?.(new Error('The connection was closed: the client reads too slowly'));
        return;
      }
      if (!corked && tcp !== undefined) {
        corked = true;
        tcp.cork();
        setImmediate(uncork);
      }
      send(data, callback);
    };
  });
}
