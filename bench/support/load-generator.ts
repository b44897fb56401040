import autocannon from 'autocannon';

/*
 * The load generator, run as a process of its own (so it never competes with the server inside one event
 * loop): POSTs one GraphQL body to a URL for a while and prints what it measured as one JSON line.
 * Usage: node load-generator.js <url> <body> <seconds> <connections> [authorization header]
 */
const [url, body, seconds, connections, authorization] = process.argv.slice(2);
const result = await autocannon({
  url: url!,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  body: body!,
  duration: Number(seconds),
  connections: Number(connections),
});
const failed = result.errors + result.timeouts + result.non2xx;
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed,
  }),
);
