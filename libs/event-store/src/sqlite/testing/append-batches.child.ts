// A child process for the crash and multi-process tests, run on the compiled adapter:
//   node append-batches.child.js <file> <run> <eventsPerBatch> <batches (0: until killed)> [concurrent]
// Appends batches of events in a loop, each batch one append, and prints one JSON line per append
// only after it was acknowledged, so that every printed line is a promise the store must keep.
// With `concurrent` > 1, that many appends are asked for at once, so they commit as one group.
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { SqliteEventStore } from '../sqlite-event-store.js';

const [path, run, eventsPerBatch, batches, concurrent] = process.argv.slice(2);
const size = Number(eventsPerBatch);
const limit = Number(batches);
const together = Math.max(1, Number(concurrent ?? 1));

const store = SqliteEventStore.open({ path });

async function appendBatch(batch: number): Promise<void> {
  const stream = `batches-${run}-${batch % 3}`;
  const events = Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    type: 'BatchEventWritten',
    data: { run, batch, index, size },
  }));
  const result = await store.append(stream, events);
  // writeSync: the line is in the pipe before the next append starts, whatever happens next.
  writeSync(
    1,
    `${JSON.stringify({ run, batch, stream, nextRevision: String(result.nextRevision), position: result.position })}\n`,
  );
}

for (let batch = 0; limit === 0 || batch < limit; batch += together) {
  await Promise.all(Array.from({ length: together }, (_, offset) => appendBatch(batch + offset)));
}
await store.close();
