import { readFileSync } from 'node:fs';
import { ConfigError, ENVIRONMENT_VARIABLES, loadAppConfig } from './app-config.js';

describe('loadAppConfig', () => {
  it('runs with no configuration at all', () => {
    const config = loadAppConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toMatch(/data$/);
    expect(config.sqliteSynchronous).toBe('FULL');
    expect(config.demoData).toBe(true);
    expect(config.maxBodyBytes).toBe(2 * 1024 * 1024);
    expect(config.rateLimitMax).toBe(6000);
    expect(config.rateLimitWindowSeconds).toBe(60);
  });

  it('reads the request limits', () => {
    const config = loadAppConfig({
      TRACKER_MAX_BODY_BYTES: '4096',
      TRACKER_RATE_LIMIT_MAX: '0',
      TRACKER_RATE_LIMIT_WINDOW_SECONDS: '3600',
    });
    expect(config).toMatchObject({ maxBodyBytes: 4096, rateLimitMax: 0, rateLimitWindowSeconds: 3600 });
  });

  it('selects KurrentDB with its connection string', () => {
    const config = loadAppConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_CONNECTION_STRING: 'kurrentdb://127.0.0.1:2113?tls=false',
    });
    expect(config).toMatchObject({
      eventStore: 'kurrentdb',
      kurrentDbConnectionString: 'kurrentdb://127.0.0.1:2113?tls=false',
    });
    expect(loadAppConfig({}).eventStore).toBe('sqlite');
  });

  it('turns the demo data off', () => {
    expect(loadAppConfig({ TRACKER_DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('rebuilds the read model at start only when asked', () => {
    expect(loadAppConfig({}).rebuildReadModel).toBe(false);
    expect(loadAppConfig({ TRACKER_REBUILD_READ_MODEL: 'true' }).rebuildReadModel).toBe(true);
    expect(() => loadAppConfig({ TRACKER_REBUILD_READ_MODEL: 'yes please' })).toThrow(
      /TRACKER_REBUILD_READ_MODEL must be boolean/,
    );
  });

  it('keeps query answers until the next commit unless TRACKER_READ_CACHE=false', () => {
    expect(loadAppConfig({}).readCache).toBe(true);
    expect(loadAppConfig({ TRACKER_READ_CACHE: 'false' }).readCache).toBe(false);
    expect(() => loadAppConfig({ TRACKER_READ_CACHE: 'sometimes' })).toThrow(
      /TRACKER_READ_CACHE must be boolean/,
    );
  });

  it('allows anonymous reading unless TRACKER_PUBLIC_READ=false', () => {
    expect(loadAppConfig({}).publicRead).toBe(true);
    expect(loadAppConfig({ TRACKER_PUBLIC_READ: 'false' }).publicRead).toBe(false);
    expect(() => loadAppConfig({ TRACKER_PUBLIC_READ: 'maybe' })).toThrow(
      /TRACKER_PUBLIC_READ must be boolean/,
    );
  });

  it('reads values from the environment', () => {
    const config = loadAppConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      TRACKER_DATA_DIR: '/tmp/x',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/tmp/x', logLevel: 'warn' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be integer/],
    [{ PORT: '70000' }, /PORT must be <= 65535/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be equal to one of the allowed values/],
    [{ TRACKER_SQLITE_SYNCHRONOUS: 'OFF' }, /TRACKER_SQLITE_SYNCHRONOUS/],
    [{ TRACKER_DEMO_DATA: 'perhaps' }, /TRACKER_DEMO_DATA must be boolean/],
    [{ EVENT_STORE: 'postgres' }, /EVENT_STORE must be equal to one of the allowed values/],
    [{ EVENT_STORE: 'kurrentdb' }, /EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING/],
    [{ KURRENTDB_CONNECTION_STRING: 'http://x' }, /KURRENTDB_CONNECTION_STRING must match pattern/],
    [{ TRACKER_MAX_BODY_BYTES: '1mb' }, /TRACKER_MAX_BODY_BYTES must be integer/],
    [{ TRACKER_MAX_BODY_BYTES: '100' }, /TRACKER_MAX_BODY_BYTES must be >= 1024/],
    [{ TRACKER_MAX_BODY_BYTES: '1000000000' }, /TRACKER_MAX_BODY_BYTES must be <= 104857600/],
    [{ TRACKER_RATE_LIMIT_MAX: '-1' }, /TRACKER_RATE_LIMIT_MAX must be >= 0/],
    [{ TRACKER_RATE_LIMIT_MAX: 'lots' }, /TRACKER_RATE_LIMIT_MAX must be integer/],
    [{ TRACKER_RATE_LIMIT_WINDOW_SECONDS: '0' }, /TRACKER_RATE_LIMIT_WINDOW_SECONDS must be >= 1/],
    [{ TRACKER_RATE_LIMIT_WINDOW_SECONDS: '1.5' }, /TRACKER_RATE_LIMIT_WINDOW_SECONDS must be integer/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it('is documented: the configuration table in README lists every variable it reads', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of ENVIRONMENT_VARIABLES) expect(readme).toContain(`| \`${name}\` |`);
  });
});
