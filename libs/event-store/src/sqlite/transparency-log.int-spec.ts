import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../errors.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { expectLogToMatchEvents } from './testing/log-check.js';

const folders: string[] = [];
const aFile = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'store-log-'));
  folders.push(folder);
  return join(folder, 'events.sqlite');
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const event = (value: unknown) => ({
  id: randomUUID(),
  type: 'Noted',
  data: { value, nested: { b: [1, 2.5, 'é'], a: null } },
  metadata: { actor: 'tester' },
});

describe('SqliteEventStore: the transparency log', () => {
  it('gives every committed event a leaf in its transaction, and none to a refused append or a retry', async () => {
    const path = aFile();
    const store = SqliteEventStore.open({ path });
    const first = [event(1), event(2)];
    await store.append('a', first, { expectedRevision: 'no_stream' });
    // One group: two commit, one fails its expected revision and is rolled back alone.
    const outcomes = await Promise.allSettled([
      store.append('b', [event(3)], { expectedRevision: 'no_stream' }),
      store.append('a', [event(4)], { expectedRevision: 0n }),
      store.append('c', [event(5), event(6)], { expectedRevision: 'any' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    // An idempotent retry writes nothing, in the store or in the log.
    await store.append('a', first, { expectedRevision: 'no_stream' });
    expect(store.log!.size()).toBe(5);
    await store.close();
    await expectLogToMatchEvents(path);
  });

  it('logs, when it opens, the events a file held before it had a log', async () => {
    const path = aFile();
    const unlogged = SqliteEventStore.open({ path, transparencyLog: false });
    for (let at = 0; at < 12; at++) await unlogged.append(`s${at % 3}`, [event(at)]);
    await unlogged.close();

    const store = SqliteEventStore.open({ path });
    expect(store.log!.size()).toBe(12);
    await store.append('s0', [event(12)]);
    await store.close();
    await expectLogToMatchEvents(path);
  });
});
