import { EventEmitter } from 'node:events';
import type { WebSocketServer } from 'ws';
import { applyWebSocketHygiene, WEBSOCKET_CLOSE_CODES } from './websocket-hygiene.js';

/** Just what the hygiene touches of a ws socket: send, close and its backlog. */
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

/** The TCP socket under it: counts what cork and uncork do. */
class FakeTcp {
  corks = 0;
  uncorks = 0;
  cork(): void {
    this.corks++;
  }
  uncork(): void {
    this.uncorks++;
  }
}

function connected(maxBufferedBytes = 1000) {
  const server = new EventEmitter();
  applyWebSocketHygiene(server as unknown as WebSocketServer, { maxBufferedBytes });
  const socket = new FakeSocket();
  const tcp = new FakeTcp();
  server.emit('connection', socket, { socket: tcp });
  return { socket, tcp };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('applyWebSocketHygiene', () => {
  it('sends while the backlog is under the limit, and closes a client that lets it grow past with 1013', () => {
    const { socket } = connected(1000);
    socket.send('{"type":"next","id":"1"}');
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = 1001;
    let failure: Error | undefined;
    socket.send('{"type":"next","id":"1"}', (error) => (failure = error));
    expect(socket.sent).toHaveLength(1);
    expect(socket.closedWith).toEqual([WEBSOCKET_CLOSE_CODES.tooSlow, expect.stringContaining('1000 bytes')]);
    expect(failure?.message).toMatch(/too slowly/);
  });

  it("sends a turn's messages to one connection in one write: corked at the first, uncorked after the turn", async () => {
    const { socket, tcp } = connected();
    for (let i = 0; i < 10; i++) socket.send(`{"type":"next","id":"${i}"}`);
    expect(socket.sent).toHaveLength(10);
    expect([tcp.corks, tcp.uncorks]).toEqual([1, 0]);
    await nextTurn();
    expect([tcp.corks, tcp.uncorks]).toEqual([1, 1]);
    socket.send('{"type":"next","id":"later"}');
    await nextTurn();
    expect([tcp.corks, tcp.uncorks]).toEqual([2, 2]);
  });
});
