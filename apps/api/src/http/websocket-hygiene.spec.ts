import { EventEmitter } from 'node:events';
import type { WebSocketServer } from 'ws';
import { applyWebSocketHygiene, WEBSOCKET_CLOSE_CODES } from './websocket-hygiene.js';

/** Just what the hygiene touches of a ws socket: its events, send, close and backlog. */
class FakeSocket extends EventEmitter {
  bufferedAmount = 0;
  sent: string[] = [];
  closedWith: [number, string] | undefined;
  send(data: string, callback?: (error?: Error) => void): void {
    this.sent.push(data);
    callback?.();
  }
  close(code: number, reason: string): void {
    this.closedWith = [code, reason];
  }
}

function connected(maxBufferedBytes = 1000) {
  const server = new EventEmitter();
  applyWebSocketHygiene(server as unknown as WebSocketServer, {
    connectionInitTimeoutMs: 60_000,
    maxBufferedBytes,
  });
  const socket = new FakeSocket();
  server.emit('connection', socket, {});
  socket.emit('message', Buffer.from(JSON.stringify({ type: 'connection_init' })), false);
  return socket;
}

describe('applyWebSocketHygiene', () => {
  it('sends while the backlog is under the limit, and closes a client that lets it grow past with 1013', () => {
    const socket = connected(1000);
    socket.send('{"type":"next","id":"1"}');
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = 1001;
    let failure: Error | undefined;
    socket.send('{"type":"next","id":"1"}', (error) => (failure = error));
    expect(socket.sent).toHaveLength(1);
    expect(socket.closedWith).toEqual([WEBSOCKET_CLOSE_CODES.tooSlow, expect.stringContaining('1000 bytes')]);
    expect(failure?.message).toMatch(/too slowly/);
  });

  it('frees an id when the server completes or fails its subscription', () => {
    const socket = connected();
    const subscribe = () =>
      socket.emit('message', Buffer.from(JSON.stringify({ type: 'subscribe', id: 'x', payload: {} })), false);
    subscribe();
    socket.send(JSON.stringify({ type: 'complete', id: 'x' }));
    subscribe();
    socket.send(JSON.stringify({ type: 'error', id: 'x', payload: [] }));
    subscribe();
    expect(socket.closedWith).toBeUndefined();
    subscribe();
    expect(socket.closedWith).toEqual([4409, 'Subscriber for x already exists']);
  });
});
