import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiTokenStore } from './api-token-store.js';
import { roleAllows } from './roles.js';

describe('ApiTokenStore', () => {
  let now: Date;
  let path: string;
  let store: ApiTokenStore;

  beforeEach(() => {
    now = new Date('2026-01-01T00:00:00Z');
    path = join(mkdtempSync(join(tmpdir(), 'tokens-')), 'auth.sqlite');
    store = ApiTokenStore.open(path, () => now);
  });
  afterEach(() => store.close());

  it('issues a secret once, stores only its hash, and authenticates with it', () => {
    const { info, secret } = store.create('Licadho', 'recorder');
    expect(secret).toMatch(/^trk_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ name: 'Licadho', role: 'recorder', revokedAt: null, expiresAt: null });
    store.close();
    expect(readFileSync(path).includes(Buffer.from(secret))).toBe(false);
    store = ApiTokenStore.open(path, () => now);
    expect(store.authenticate(secret)).toEqual({ token: info });
    expect(store.authenticate(`${secret}x`)).toBeUndefined();
    expect(store.authenticate('Bearer nonsense')).toBeUndefined();
  });

  it('lists tokens without secrets', () => {
    const { secret } = store.create('CPJ', 'reviewer');
    const listed = store.list();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('refuses an expired token and a revoked one, and keeps both listed', () => {
    const expiring = store.create('Temp', 'reader', new Date('2026-01-02T00:00:00Z'));
    const revoked = store.create('Gone', 'admin');
    expect(store.revoke(revoked.info.id)).toBe(true);
    now = new Date('2026-01-03T00:00:00Z');
    expect(store.authenticate(expiring.secret)?.problem).toBe('expired');
    expect(store.authenticate(revoked.secret)?.problem).toBe('revoked');
    expect(store.list().map((t) => t.name)).toEqual(['Temp', 'Gone']);
    expect(store.revoke('00000000-0000-7000-8000-000000000000')).toBe(false);
  });

  it('refuses bad names, roles and expiries', () => {
    expect(() => store.create('  ', 'reader')).toThrow(RangeError);
    expect(() => store.create('X', 'owner' as never)).toThrow(/Unknown role/);
    expect(() => store.create('X', 'reader', new Date('2025-01-01'))).toThrow(/future/);
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
