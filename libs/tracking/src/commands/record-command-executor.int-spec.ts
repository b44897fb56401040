import { DomainError, type RecordCommand } from '@tracker/domain';
import { SqliteEventStore, type EventStore } from '@tracker/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyConflictError } from '../errors/tracking-errors.js';
import { RecordCommandExecutor } from './record-command-executor.js';

const ARTICLE = {
  url: 'https://cambojanews.com/cambodia-shut-down-18000-websites/',
  publisher: 'CamboJA News',
};
const today = () => new Date('2025-03-01T12:00:00Z');
const alice = { actor: 'Licadho' };

const reportDetention = {
  type: 'ReportDetention',
  countries: [{ code: 'KH', role: 'ACTING' }],
  occurred: { type: 'DATE', date: '2025-02-01', precision: 'DAY' },
  sources: [ARTICLE],
  confidence: 'REPORTED',
  persons: [{ name: 'Journalist A', role: 'JOURNALIST' }],
  reason: 'Published a video from a scam compound',
  charges: [],
} as unknown as RecordCommand;

function chargeDetention(recordId: string): RecordCommand {
  return {
    type: 'ChargeDetention',
    recordId,
    on: { date: '2025-02-02', precision: 'DAY' },
    charges: ['incitement'],
    sources: [ARTICLE],
  } as unknown as RecordCommand;
}

describe('RecordCommandExecutor on a real SQLite store', () => {
  let store: EventStore;
  let executor: RecordCommandExecutor;

  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), 'tracking-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    executor = new RecordCommandExecutor({ store, clock: today });
  });
  afterEach(async () => {
    await store.close();
  });

  it('creates a record and moves it along its lifecycle, the actor in every event', async () => {
    const created = await executor.execute(reportDetention, alice);
    expect(created.kind).toBe('DETENTION');
    expect(created.events.map((e) => e.type)).toEqual(['JournalistDetained']);
    const charged = await executor.execute(chargeDetention(created.recordId), { actor: 'CPJ' });
    expect(charged.events.map((e) => e.type)).toEqual(['DetentionCharged']);
    const stream = await store.readStream(`record-${created.recordId}`);
    expect(stream.map((e) => [e.type, e.metadata.actor, e.metadata.schemaVersion])).toEqual([
      ['JournalistDetained', 'Licadho', 1],
      ['DetentionCharged', 'CPJ', 1],
    ]);
    expect(charged.position > created.position).toBe(true);
  });

  it('refuses a command the domain refuses and writes nothing', async () => {
    const created = await executor.execute(reportDetention, alice);
    const before = await store.headPosition();
    const release = {
      type: 'ConvictDetention',
      recordId: created.recordId,
      on: { date: '2025-02-03', precision: 'DAY' },
      sources: [ARTICLE],
    } as unknown as RecordCommand;
    await expect(executor.execute(release, alice)).rejects.toBeInstanceOf(DomainError);
    expect(await store.headPosition()).toBe(before);
  });

  it('refuses a command on a record that does not exist (UNKNOWN_RECORD)', async () => {
    await expect(
      executor.execute(chargeDetention('0195f3a4-0000-7000-8000-000000000000'), alice),
    ).rejects.toMatchObject({ code: 'UNKNOWN_RECORD' });
    expect(await store.headPosition()).toBeUndefined();
  });

  it('records a command retried with the same idempotency key once, and answers the retry as the first time', async () => {
    const first = await executor.execute(reportDetention, { ...alice, idempotencyKey: 'k-1' });
    const retry = await executor.execute(reportDetention, { ...alice, idempotencyKey: 'k-1' });
    expect(retry.recordId).toBe(first.recordId);
    expect(retry.position).toBe(first.position);
    expect(retry.replayed).toBe(true);
    const recordEvents = async () =>
      (await store.readAll()).filter((event) => event.stream.startsWith('record-'));
    expect(await recordEvents()).toHaveLength(1);
    // The key is bound once to the request it came with, in a stream of its own, naming who sent it.
    const bindings = (await store.readAll()).filter((event) => event.type === 'IdempotencyKeyBound');
    expect(bindings).toHaveLength(1);
    expect(bindings[0]!.metadata).toMatchObject({ actor: 'Licadho', idempotencyKey: 'k-1' });
    // The same key from another actor is another command.
    const other = await executor.execute(reportDetention, { actor: 'CPJ', idempotencyKey: 'k-1' });
    expect(other.recordId).not.toBe(first.recordId);
    expect(await recordEvents()).toHaveLength(2);
  });

  it('recognises a retry under a key derived from the request itself without binding the key', async () => {
    const meta = { ...alice, idempotencyKey: 'import:abc:7', keyDerivedFromRequest: true };
    const first = await executor.execute(reportDetention, meta);
    const retry = await executor.execute(reportDetention, meta);
    expect(retry).toMatchObject({ recordId: first.recordId, position: first.position, replayed: true });
    const all = await store.readAll();
    expect(all.filter((event) => event.stream.startsWith('record-'))).toHaveLength(1);
    expect(all.filter((event) => event.type === 'IdempotencyKeyBound')).toEqual([]);
  });

  it('refuses the same key with another request (another command, or other values), writing nothing', async () => {
    await executor.execute(reportDetention, { ...alice, idempotencyKey: 'k-2' });
    const head = await store.headPosition();
    const otherValues = { ...reportDetention, reason: 'Another reason' } as typeof reportDetention;
    await expect(executor.execute(otherValues, { ...alice, idempotencyKey: 'k-2' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await expect(
      executor.execute(chargeDetention('0195f3a4-0000-7000-8000-000000000000'), {
        ...alice,
        idempotencyKey: 'k-2',
      }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await store.headPosition()).toBe(head);
    // Keys are scoped by token id where there is one: two tokens of one name do not share keys.
    const tokenA = await executor.execute(reportDetention, { ...alice, tokenId: 'a', idempotencyKey: 'k-3' });
    const tokenB = await executor.execute(otherValues, { ...alice, tokenId: 'b', idempotencyKey: 'k-3' });
    expect(tokenB.replayed).toBe(false);
    expect(tokenB.recordId).not.toBe(tokenA.recordId);
  });

  it('records identical requests racing with one key once', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        executor.execute(reportDetention, { ...alice, idempotencyKey: 'k-race' }),
      ),
    );
    expect(new Set(results.map((result) => result.recordId)).size).toBe(1);
    const events = (await store.readAll()).filter(
      (event) => event.stream === `record-${results[0]!.recordId}`,
    );
    expect(events).toHaveLength(1);
  });

  it('runs two concurrent commands on one record: both land, in some order, nothing lost', async () => {
    const created = await executor.execute(reportDetention, alice);
    const note = (text: string) =>
      ({
        type: 'AddDetentionNote',
        recordId: created.recordId,
        on: { date: '2025-02-05', precision: 'DAY' },
        category: 'STATEMENT',
        note: text,
        sources: [ARTICLE],
      }) as unknown as RecordCommand;
    const other = new RecordCommandExecutor({ store, clock: today });
    const results = await Promise.all([
      executor.execute(note('first'), alice),
      other.execute(note('second'), alice),
    ]);
    expect(results.every((r) => r.events.length === 1)).toBe(true);
    const stream = await store.readStream(`record-${created.recordId}`);
    expect(stream.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(
      stream
        .slice(1)
        .map((e) => (e.data as { note: string }).note)
        .sort(),
    ).toEqual(['first', 'second']);
  });

  it('gives up with CONFLICT when the record keeps changing under it', async () => {
    const created = await executor.execute(reportDetention, alice);
    // A store whose every append loses the race: the executor must retry a bounded number of times.
    const racing: EventStore = Object.create(store);
    let appends = 0;
    racing.append = async (stream, events) => {
      appends++;
      await store.append(stream, [{ id: crypto.randomUUID(), type: 'DetentionNoteAdded', data: {} }]);
      return store.append(stream, events, { expectedRevision: 0n });
    };
    const impatient = new RecordCommandExecutor({ store: racing, clock: today, maxAttempts: 3 });
    const error = await impatient.execute(chargeDetention(created.recordId), alice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect(error).toMatchObject({ code: 'CONFLICT', attempts: 3 });
    expect(appends).toBe(3);
  });
});
