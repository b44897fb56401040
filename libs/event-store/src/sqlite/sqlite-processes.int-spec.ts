import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { RecordedEvent } from '../event.js';
import { readWholeStore, take } from '../testing/index.js';
import { type RunningChild, runNodeChild } from './testing/child-process-runner.js';
import { compileSqliteAdapter } from './testing/compiled-adapter.js';
import { expectLogToMatchEvents } from './testing/log-check.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import type { SqliteEventStoreOptions } from './sqlite-event-store.options.js';

/** What append-batches.child prints for each acknowledged append. */
interface Acknowledged {
  run: string;
  batch: number;
  stream: string;
  nextRevision: string;
  position: string;
}

interface BatchData {
  run: string;
  batch: number;
  index: number;
  size: number;
}

const EVENTS_PER_BATCH = 20;

// Real processes on the real adapter (compiled once with swc, see compiled-adapter.ts) and one file.
describe('SqliteEventStore across processes', () => {
  let dir: string;
  let compiled: (sourcePath: string) => string;
  const aFile = (): string => join(dir, `${randomUUID()}.sqlite`);
  // Whatever a failing test leaves behind is closed or killed, so nothing outlives it.
  let opened: SqliteEventStore[] = [];
  let children: RunningChild[] = [];
  const open = (options: SqliteEventStoreOptions): SqliteEventStore => {
    const store = SqliteEventStore.open(options);
    opened.push(store);
    return store;
  };
  const child = (script: string, args: string[], onLine?: (line: string) => void): RunningChild => {
    const running = runNodeChild(compiled(script), args, onLine);
    children.push(running);
    return running;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sqlite-event-store-processes-'));
    compiled = compileSqliteAdapter(join(dir, 'compiled'));
  });
  afterEach(async () => {
    for (const running of children) if (running.process.exitCode === null) running.process.kill('SIGKILL');
    await Promise.all(children.map((running) => running.exited));
    await Promise.all(opened.map((store) => store.close()));
    [children, opened] = [[], []];
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['one append at a time', 1],
    ['appends committed in groups of 8', 8],
  ])(
    'keeps every acknowledged append, and never half a batch, when the appending process is SIGKILLed (%s)',
    async (_, together) => {
      const path = aFile();
      // Several rounds on one file: each recovery must also leave the file fit for the next crash.
      for (const [round, killAfter] of [5, 12, 30].entries()) {
        const run = `run${round}`;
        const acknowledged: Acknowledged[] = [];
        const appender = child(
          'sqlite/testing/append-batches.child.ts',
          [path, run, String(EVENTS_PER_BATCH), '0', String(together)],
          (line) => {
            acknowledged.push(JSON.parse(line) as Acknowledged);
            // Killed while it keeps appending: the signal lands anywhere in an append or between two.
            if (acknowledged.length === killAfter) appender.process.kill('SIGKILL');
          },
        );
        const { signal, stderr } = await appender.exited;
        expect({ signal, stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
        expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
        // Every event kept has its leaf in the transparency log, and no leaf outlived its event.
        await expectLogToMatchEvents(path);

        const store = open({ path });
        const events = (await readWholeStore(store)).filter((event) => (event.data as BatchData).run === run);
        await store.close();
        expectWholeBatchesCoveringEveryAcknowledgement(events, acknowledged, together);
        expect(integrityCheck(path)).toBe('ok');
      }
    },
  );

  it('lets a subscriber see every event another process appends, once each, in order', async () => {
    const path = aFile();
    const store = open({ path, pollIntervalMs: 10 });
    const subscription = store.subscribeToAll();
    const batches = 10;
    const appender = child('sqlite/testing/append-batches.child.ts', [
      path,
      'live',
      String(EVENTS_PER_BATCH),
      String(batches),
    ]);

    const received = await take(subscription[Symbol.asyncIterator](), batches * EVENTS_PER_BATCH);
    expect(await appender.exited).toMatchObject({ code: 0, stderr: '' });
    const all = await readWholeStore(store);
    expect(received.map((event) => event.id)).toEqual(all.map((event) => event.id));
    expect(received.map((event) => (event.data as BatchData).batch)).toEqual(
      Array.from({ length: batches * EVENTS_PER_BATCH }, (_, index) => Math.floor(index / EVENTS_PER_BATCH)),
    );
    await store.close();
  });

  it('serialises two processes racing on one stream: every win recorded once, revisions without gaps', async () => {
    const path = aFile();
    const winsEach = 60;
    const writers = ['left', 'right'].map((writer) =>
      child('sqlite/testing/contend-appends.child.ts', [path, writer, String(winsEach)]),
    );
    // Both have opened the file before either starts, so their appends overlap.
    await Promise.all(writers.map((writer) => writer.lineMatching((line) => line === 'ready')));
    for (const writer of writers) writer.process.stdin?.write('go\n');
    const exits = await Promise.all(writers.map((writer) => writer.exited));
    expect(exits.map(({ code, stderr }) => ({ code, stderr }))).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    for (const writer of writers) expect(JSON.parse(writer.lines.at(-1)!)).toMatchObject({ wins: winsEach });

    // Both processes kept one log between them: every event has its leaf, in store order.
    await expectLogToMatchEvents(path);
    const store = open({ path });
    const stream = await store.readStream('contended');
    await store.close();
    expect(stream.map((event) => event.revision)).toEqual(stream.map((_, index) => BigInt(index)));
    for (const writer of ['left', 'right']) {
      const wins = stream
        .map((event) => event.data as { writer: string; win: number })
        .filter((data) => data.writer === writer)
        .map((data) => data.win);
      expect(wins).toEqual(Array.from({ length: winsEach }, (_, index) => index));
    }
  });
});

/**
 * Every batch is all or nothing, every acknowledged batch is there as acknowledged, and batches are a
 * gap-free prefix of the run: at most one more than acknowledged (committed, killed before printing).
 */
function expectWholeBatchesCoveringEveryAcknowledgement(
  events: readonly RecordedEvent[],
  acknowledged: readonly Acknowledged[],
  together = 1,
): void {
  const byBatch = new Map<number, RecordedEvent[]>();
  for (const event of events) {
    const { batch } = event.data as BatchData;
    byBatch.set(batch, [...(byBatch.get(batch) ?? []), event]);
  }
  for (const [batch, batchEvents] of byBatch) {
    expect({ batch, indexes: batchEvents.map((event) => (event.data as BatchData).index) }).toEqual({
      batch,
      indexes: Array.from({ length: EVENTS_PER_BATCH }, (_, index) => index),
    });
    const revisions = batchEvents.map((event) => event.revision);
    expect(revisions).toEqual(revisions.map((_, index) => revisions[0] + BigInt(index)));
  }
  for (const ack of acknowledged) {
    const last = byBatch.get(ack.batch)?.at(-1);
    expect({
      batch: ack.batch,
      stream: last?.stream,
      revision: last?.revision.toString(),
      position: last?.position,
    }).toEqual({
      batch: ack.batch,
      stream: ack.stream,
      revision: ack.nextRevision,
      position: ack.position,
    });
  }
  const stored = [...byBatch.keys()].sort((a, b) => a - b);
  const lastAcknowledged = Math.max(...acknowledged.map((ack) => ack.batch));
  expect(stored).toEqual(stored.map((_, index) => index));
  expect(stored.length - 1).toBeGreaterThanOrEqual(lastAcknowledged);
  // Unacknowledged but stored: the appends in flight when the kill landed (a whole group at most).
  expect(stored.length - 1).toBeLessThanOrEqual(lastAcknowledged + together);
}

function integrityCheck(path: string): unknown {
  const db = new DatabaseSync(path);
  try {
    return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  } finally {
    db.close();
  }
}
