import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { newDataDir, runServerExpectingFailure, startApiServer } from './support/api-server.js';
import { gqlData } from './support/gql.js';

function cli(dataDir: string, ...args: string[]) {
  return cliWith({}, dataDir, ...args);
}

function cliWith(env: Record<string, string>, dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
    env: { ...process.env, TRACKER_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the tracker CLI: tokens', () => {
  it('creates a token, prints its secret once, lists it without the secret, and revokes it', () => {
    const dir = newDataDir();
    const created = cli(
      dir,
      'tokens',
      'create',
      '--name',
      'Licadho',
      '--role',
      'recorder',
      '--expires',
      '30d',
    );
    expect(created.code).toBe(0);
    // It says which store it wrote to, and that it had to create it (a server elsewhere would not know the token).
    expect(created.err).toContain(`Event store: SQLite file ${join(dir, 'events.sqlite')}`);
    expect(created.err).toMatch(/did not exist: a new, empty event store was created/);
    const secret = /^(trk_\S+)$/m.exec(created.out)?.[1];
    const id = /Created token (\S+)/.exec(created.out)?.[1];
    expect(secret).toBeDefined();

    const listed = cli(dir, 'tokens', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.err).not.toMatch(/did not exist/);
    expect(listed.out).not.toContain(secret!);
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({
        id,
        name: 'Licadho',
        role: 'recorder',
        revokedAt: null,
        expiresAt: expect.any(String),
      }),
    ]);

    expect(cli(dir, 'tokens', 'revoke', id!).code).toBe(0);
    expect(JSON.parse(cli(dir, 'tokens', 'list', '--json').out)[0].revokedAt).toEqual(expect.any(String));
    expect(cli(dir, 'tokens', 'revoke', '00000000-0000-7000-8000-000000000000').code).toBe(1);
  });

  it.each([
    [['tokens', 'create', '--role', 'recorder'], /--name is required/],
    [['tokens', 'create', '--name', 'X', '--role', 'owner'], /--role must be one of/],
    [['tokens', 'create', '--name', 'X', '--role', 'reader', '--expires', 'soon'], /--expires/],
    [
      ['tokens', 'create', '--name', 'X', '--role', 'reader', '--expires', '90'],
      /"90" needs a unit: 90d for days/,
    ],
    [
      ['tokens', 'create', '--name', 'X', '--role', 'reader', '--expires', '2020-01-01'],
      /has already passed/,
    ],
    [['tokens', 'fly'], /unknown tokens action/],
    [['frobnicate'], /unknown command/],
  ])('refuses %j with usage and exit code 2, touching no store', (args, message) => {
    const dir = newDataDir();
    const result = cli(dir, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/Usage/);
    expect(existsSync(join(dir, 'events.sqlite'))).toBe(false);
  });
});

describe('the tracker CLI: configuration', () => {
  it.each([
    [
      ['tokens', 'list'],
      { EVENT_STORE: 'postgres' },
      /EVENT_STORE must be equal to one of the allowed values/,
    ],
    [['rebuild'], { EVENT_STORE: 'kurrentdb' }, /EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING/],
  ])('%j refuses the server configuration %j as the server does, writing nothing', (args, env, message) => {
    const dir = newDataDir();
    const result = cliWith(env, dir, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(existsSync(join(dir, 'events.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'read.sqlite'))).toBe(false);
  });
});

describe('the tracker CLI: rebuild', () => {
  const QUERY = '{ countries { code stats { commitments meetingsAttended detentionDays } } }';

  it('refuses while a server feeds the read DB; once it is stopped, rebuilds it from the store', async () => {
    const server = await startApiServer();
    const before = await gqlData(server.url, QUERY);
    expect(before.countries.length).toBeGreaterThan(0);

    const refused = cli(server.dataDir, 'rebuild');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`is in use by process ${server.child.pid}`);
    expect(refused.err).toContain('stop the server first');
    // A second server on the same data folder is refused the same way.
    const second = await runServerExpectingFailure({ TRACKER_DATA_DIR: server.dataDir, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.output).toContain('is in use by process');
    await server.stop();

    // Lose the read model's records, as a broken projection might have; the rebuild replays the store.
    const readDb = new DatabaseSync(join(server.dataDir, 'read.sqlite'));
    readDb.exec('PRAGMA foreign_keys = OFF; DELETE FROM records;');
    readDb.close();
    const rebuilt = cli(server.dataDir, 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(
      /^Rebuilt .*read\.sqlite from the event store up to position \d+ in [\d.]+ s\.$/m,
    );

    const restarted = await startApiServer({ dataDir: server.dataDir });
    try {
      expect(await gqlData(restarted.url, QUERY)).toEqual(before);
      expect(restarted.logs.some((line) => line.includes('replaying the store'))).toBe(false);
    } finally {
      await restarted.stop();
    }
  });
});
