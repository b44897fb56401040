import { createInterface } from 'node:readline';
import WebSocket from 'ws';

/*
 * Many graphql-ws subscribers, in a process apart from the server. Usage:
 *   node subscribers.js <ws url> <connections> <subscriptions per connection> <countries JSON>
 * Opens the connections (graphql-transport-ws, `connection_init`), subscribes each to `recordChanged`
 * for the countries, and notes when each change reaches each subscription. Commands on stdin:
 *   `count <recordId>`   prints how many subscriptions have received that record's change
 *   `sent <recordId> <epoch ms>`   when that change's mutation was sent (for latencies)
 *   `report`   prints { deliveries, expected, p50, p99, max } over the changes told by `sent`
 * Prints `ready` once every connection is acknowledged and every subscribe sent.
 */
const [url, connectionsArg, perConnectionArg, countriesArg] = process.argv.slice(2);
const connections = Number(connectionsArg);
const perConnection = Number(perConnectionArg);
const countries = JSON.parse(countriesArg!) as string[];
const query = `subscription($countries: [String!]) { recordChanged(countries: $countries) { recordId position } }`;

const received = new Map<string, number[]>();
const sockets: WebSocket[] = [];
const now = () => performance.timeOrigin + performance.now();

async function open(index: number): Promise<void> {
  const socket = new WebSocket(url!, 'graphql-transport-ws');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const acknowledged = new Promise<void>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: { data?: { recordChanged?: { recordId: string } } };
      };
      if (message.type === 'connection_ack') resolve();
      const change = message.payload?.data?.recordChanged;
      if (message.type === 'next' && change) {
        let times = received.get(change.recordId);
        if (times === undefined) received.set(change.recordId, (times = []));
        times.push(now());
      }
    });
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await acknowledged;
  for (let i = 0; i < perConnection; i++) {
    socket.send(
      JSON.stringify({
        id: `${index}-${i}`,
        type: 'subscribe',
        payload: { query, variables: { countries } },
      }),
    );
  }
}

// A few at a time, as clients would arrive.
for (let start = 0; start < connections; start += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, connections - start) }, (_, offset) => open(start + offset)),
  );
}
console.log('ready');

const sent = new Map<string, number>();
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, recordId, at] = line.split(' ');
  if (command === 'count') console.log(String(received.get(recordId!)?.length ?? 0));
  if (command === 'sent') sent.set(recordId!, Number(at));
  if (command === 'report') {
    const latencies: number[] = [];
    for (const [id, at] of sent) for (const time of received.get(id) ?? []) latencies.push(time - at);
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round((latencies[Math.floor(q * (latencies.length - 1))] ?? NaN) * 100) / 100;
    console.log(
      JSON.stringify({
        deliveries: latencies.length,
        expected: sent.size * connections * perConnection,
        p50: at(0.5),
        p99: at(0.99),
        max: at(1),
      }),
    );
  }
  if (command === 'close') {
    for (const socket of sockets) socket.terminate();
    process.exit(0);
  }
});
