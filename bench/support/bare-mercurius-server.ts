import Fastify from 'fastify';
import mercurius from 'mercurius';
import { readFileSync } from 'node:fs';

/*
 * The baseline server: Fastify and Mercurius alone, with the tracker's own schema, answering the country
 * query from an answer held in memory. What the tracker costs beyond it is its own work.
 * Usage: node bare-mercurius-server.js <port> <answer JSON file>
 */
const [port, answerFile] = process.argv.slice(2);
const answer = JSON.parse(readFileSync(answerFile!, 'utf8')) as { country: unknown };
const app = Fastify();
await app.register(mercurius, {
  schema: readFileSync('schema.gql', 'utf8'),
  resolvers: { Query: { country: () => answer.country } },
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('listening');
