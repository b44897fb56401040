import { SqliteEventStore } from '@tracker/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordCommandExecutor } from '../commands/record-command-executor.js';
import { ApiTokenStore } from '../auth/api-token-store.js';
import { loadDemoData, readDemoDataset } from './demo-data-loader.js';

describe('the demo dataset', () => {
  let store: SqliteEventStore;
  let executor: RecordCommandExecutor;

  beforeEach(() => {
    store = SqliteEventStore.open({ path: join(mkdtempSync(join(tmpdir(), 'demo-')), 'events.sqlite') });
    executor = new RecordCommandExecutor({ store });
  });
  afterEach(async () => {
    await store.close();
  });

  it('cites a source with a quote on every record it creates', () => {
    const { commands } = readDemoDataset();
    const sourced = commands.filter((command) => 'sources' in command) as unknown as {
      sources: { url: string; quote?: string }[];
    }[];
    expect(sourced.length).toBeGreaterThan(10);
    for (const command of sourced) {
      expect(command.sources.length).toBeGreaterThan(0);
      expect(command.sources.every((source) => /^https:\/\//.test(source.url) && source.quote)).toBe(true);
    }
  });

  it('loads through the domain rules into an empty store, once', async () => {
    const result = await loadDemoData(store, executor);
    expect(result).toEqual({ loaded: true, commands: readDemoDataset().commands.length });
    const events = await store.readAll({ maxCount: 10_000 });
    const types = events.map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'MeetingRecorded',
        'CommitmentMade',
        'TaskForceCreated',
        'EvidenceLinked',
        'ImplementationStatusSet',
        'JournalistDetained',
        'DetentionCharged',
        'DetentionNoteAdded',
        'ShutdownReported',
        'StatementRecorded',
        'FigureReported',
        'CommitmentAssessed',
      ]),
    );
    expect(events.every((event) => event.metadata.actor === 'demo-data')).toBe(true);

    expect(await loadDemoData(store, executor)).toEqual({ loaded: false, commands: 0 });
    expect(await store.readAll({ maxCount: 10_000 })).toHaveLength(events.length);
  });

  it('loads into a store that holds only API tokens, and not into one that holds a record', async () => {
    await new ApiTokenStore(store).create('Licadho', 'admin');
    expect((await loadDemoData(store, executor)).loaded).toBe(true);

    const other = SqliteEventStore.open({
      path: join(mkdtempSync(join(tmpdir(), 'demo-')), 'events.sqlite'),
    });
    const dataset = readDemoDataset();
    await new RecordCommandExecutor({ store: other }).execute(dataset.commands[0]!, { actor: 'someone' });
    expect(await loadDemoData(other, new RecordCommandExecutor({ store: other }))).toEqual({
      loaded: false,
      commands: 0,
    });
    await other.close();
  });

  it('completes a load interrupted on first start, at the next start, without recording anything twice', async () => {
    const dataset = readDemoDataset();
    // Killed after its fifth command: the next start finds the demo's first record and goes on.
    await loadDemoData(store, executor, { ...dataset, commands: dataset.commands.slice(0, 5) });
    const partial = (await store.readAll({ maxCount: 10_000 })).length;
    expect(await loadDemoData(store, executor, dataset)).toEqual({
      loaded: true,
      commands: dataset.commands.length - 5,
    });
    const all = await store.readAll({ maxCount: 10_000 });
    const fresh = SqliteEventStore.open({
      path: join(mkdtempSync(join(tmpdir(), 'demo-')), 'events.sqlite'),
    });
    await loadDemoData(fresh, new RecordCommandExecutor({ store: fresh }));
    expect(all.length).toBe((await fresh.readAll({ maxCount: 10_000 })).length);
    expect(all.length).toBeGreaterThan(partial);
    await fresh.close();
  });
});
