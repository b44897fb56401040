/*
 * Latency of GraphQL queries, one request at a time, from a process apart from the server.
 * Usage: node latency-probe.js <url> <queries JSON: { name: { query, variables } }> <requests per query>
 * Prints one JSON line: { name: { p50, p99 } } in milliseconds.
 */
const [url, queriesJson, count] = process.argv.slice(2);
const queries = JSON.parse(queriesJson!) as Record<string, { query: string; variables?: object }>;
const result: Record<string, { p50: number; p99: number }> = {};
for (const [name, body] of Object.entries(queries)) {
  const times: number[] = [];
  for (let i = 0; i < Number(count) + 20; i++) {
    const started = performance.now();
    const response = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
    // The first 20 warm the server up (JIT, page cache); they are not counted.
    if (i >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  result[name] = { p50: at(0.5), p99: at(0.99) };
}
console.log(JSON.stringify(result));
