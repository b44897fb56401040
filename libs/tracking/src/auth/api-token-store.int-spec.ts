import { SqliteEventStore, StoreUnavailableError } from '@tracker/event-store';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_TOKENS_STREAM } from './api-token-events.js';
import { ApiTokenStore } from './api-token-store.js';
import { roleAllows } from './roles.js';

describe('ApiTokenStore (tokens as events, on a real SQLite event store)', () => {
  let now: Date;
  let path: string;
  let events: SqliteEventStore;
  let store: ApiTokenStore;

  beforeEach(() => {
    now = new Date('2026-01-01T00:00:00Z');
    path = join(mkdtempSync(join(tmpdir(), 'tokens-')), 'events.sqlite');
    events = SqliteEventStore.open({ path });
    store = new ApiTokenStore(events, () => now);
  });
  afterEach(async () => events.close());

  it('issues a secret once, stores only its hash, and authenticates with it', async () => {
    const { info, secret } = await store.create('Licadho', 'recorder');
    expect(secret).toMatch(/^trk_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ name: 'Licadho', role: 'recorder', revokedAt: null, expiresAt: null });
    await events.close();
    expect(readFileSync(path).includes(Buffer.from(secret))).toBe(false);
    events = SqliteEventStore.open({ path });
    store = new ApiTokenStore(events, () => now);
    expect(await store.authenticate(secret)).toEqual({ token: info });
    expect(await store.authenticate(`${secret}x`)).toBeUndefined();
    expect(await store.authenticate('Bearer nonsense')).toBeUndefined();
  });

  it('records each issue and revocation as an event with its actor: the audit trail', async () => {
    const { info } = await store.create('CPJ', 'reviewer', undefined, 'ops@tracker');
    await store.revoke(info.id, 'ops@tracker');
    const stream = await events.readStream(API_TOKENS_STREAM);
    expect(stream.map((event) => [event.type, event.metadata.actor])).toEqual([
      ['ApiTokenIssued', 'ops@tracker'],
      ['ApiTokenRevoked', 'ops@tracker'],
    ]);
  });

  it('lists tokens without secrets', async () => {
    const { secret } = await store.create('CPJ', 'reviewer');
    const listed = await store.list();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('refuses an expired token and a revoked one, and keeps both listed', async () => {
    const expiring = await store.create('Temp', 'reader', new Date('2026-01-02T00:00:00Z'));
    const revoked = await store.create('Gone', 'admin');
    expect(await store.revoke(revoked.info.id)).toBe(true);
    now = new Date('2026-01-03T00:00:00Z');
    expect((await store.authenticate(expiring.secret))?.problem).toBe('expired');
    expect((await store.authenticate(revoked.secret))?.problem).toBe('revoked');
    expect((await store.list()).map((t) => t.name)).toEqual(['Temp', 'Gone']);
    expect(await store.revoke('00000000-0000-7000-8000-000000000000')).toBe(false);
  });

  it('sees tokens issued and revoked by another instance on the same store at its next check', async () => {
    const other = new ApiTokenStore(SqliteEventStore.open({ path }), () => now);
    const { info, secret } = await other.create('Elsewhere', 'recorder');
    expect((await store.authenticate(secret))?.token.id).toBe(info.id);
    await other.revoke(info.id);
    expect((await store.authenticate(secret))?.problem).toBe('revoked');
  });

  it('two instances issuing at once both succeed, in one stream', async () => {
    const other = new ApiTokenStore(SqliteEventStore.open({ path }), () => now);
    const issued = await Promise.all([
      store.create('A', 'reader'),
      other.create('B', 'reader'),
      store.create('C', 'reader'),
    ]);
    expect((await store.list()).map((t) => t.id).sort()).toEqual(issued.map((t) => t.info.id).sort());
  });

  it('while the store is unreachable, judges known tokens on what it read before, and cannot judge others', async () => {
    // The store this instance reads through, cut off on demand as a lost connection would.
    const outage = new StoreUnavailableError('the store is away');
    let reachable = true;
    const link = Object.create(events, {
      readStream: {
        value: (...args: Parameters<SqliteEventStore['readStream']>) =>
          reachable ? events.readStream(...args) : Promise.reject(outage),
      },
    }) as SqliteEventStore;
    const instance = new ApiTokenStore(link, () => now);

    const known = await store.create('Known', 'recorder');
    const revoked = await store.create('Revoked', 'recorder');
    await store.revoke(revoked.info.id);
    expect((await instance.authenticate(known.secret))?.token.name).toBe('Known'); // read while up
    const unseen = await store.create('Unseen', 'admin'); // issued after this instance's last read

    reachable = false;
    expect((await instance.authenticate(known.secret))?.token.name).toBe('Known');
    expect((await instance.authenticate(revoked.secret))?.problem).toBe('revoked');
    await expect(instance.authenticate(unseen.secret)).rejects.toBe(outage);
    // An instance that never read the stream knows no token: it cannot tell any from a forgery.
    await expect(new ApiTokenStore(link, () => now).authenticate(known.secret)).rejects.toBe(outage);

    reachable = true;
    expect((await instance.authenticate(unseen.secret))?.token.name).toBe('Unseen');
  });

  it('refuses bad names, roles and expiries, writing nothing', async () => {
    await expect(store.create('  ', 'reader')).rejects.toThrow(RangeError);
    await expect(store.create('X', 'owner' as never)).rejects.toThrow(/Unknown role/);
    await expect(store.create('X', 'reader', new Date('2025-01-01'))).rejects.toThrow(/future/);
    expect(await events.readStream(API_TOKENS_STREAM)).toEqual([]);
  });
});

describe('roles', () => {
  it('are ordered: each includes the ones before it', () => {
    expect(roleAllows('admin', 'reviewer')).toBe(true);
    expect(roleAllows('reviewer', 'recorder')).toBe(true);
    expect(roleAllows('recorder', 'reviewer')).toBe(false);
    expect(roleAllows('reader', 'recorder')).toBe(false);
  });
});
