// A child process for the cross-process concurrency test, run on the compiled adapter:
//   node contend-appends.child.js <file> <writer> <wins>
// Prints "ready", waits for "go" on stdin, then appends to one shared stream with the expected
// revision it just read, retrying on WrongExpectedRevisionError until it has won <wins> times.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { WrongExpectedRevisionError } from '../../errors.js';
import { SqliteEventStore } from '../sqlite-event-store.js';

const [path, writer, winsWanted] = process.argv.slice(2);
const stream = 'contended';

const store = SqliteEventStore.open({ path });
writeSync(1, 'ready\n');
await once(process.stdin, 'data');

let wins = 0;
let conflicts = 0;
while (wins < Number(winsWanted)) {
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  try {
    await store.append(stream, [{ id: randomUUID(), type: 'Contended', data: { writer, win: wins } }], {
      expectedRevision: last ? last.revision : 'no_stream',
    });
    wins++;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    conflicts++;
  }
}
await store.close();
writeSync(1, `${JSON.stringify({ writer, wins, conflicts })}\n`);
process.stdin.destroy();
