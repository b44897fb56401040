import { envSchema } from 'env-schema';
import { join, resolve } from 'node:path';

/** The server's whole configuration, read once from the environment at start. */
export interface AppConfig {
  /** @defaultValue 3000 */
  port: number;
  /** @defaultValue '127.0.0.1' */
  host: string;
  /** Folder of the embedded event-store file and the read DB. @defaultValue './data' */
  dataDir: string;
  /** @defaultValue 'info' */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** SQLite durability: FULL survives power loss on every acknowledged append. @defaultValue 'FULL' */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Which event store: the embedded SQLite file, or a KurrentDB (cluster) for scale-out. @defaultValue 'sqlite' */
  eventStore: 'sqlite' | 'kurrentdb';
  /** Required when eventStore is 'kurrentdb', e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  kurrentDbConnectionString?: string;
  /** Load the demo dataset into an empty event store at start. @defaultValue true */
  demoData: boolean;
  /**
   * Whether anyone may query and subscribe without a token. Writing always needs one.
   * @defaultValue true (so the demo works out of the box)
   */
  publicRead: boolean;
  /** Empty the read DB at start and replay the whole store into it. @defaultValue false */
  rebuildReadModel: boolean;
  /** Keep query answers until the read DB next commits (off: every read goes to SQLite). */
  readCache: boolean;
  /**
   * Largest HTTP request body accepted, in bytes; a bigger one is refused with 413 PAYLOAD_TOO_LARGE.
   * The largest mutation the input rules allow (25 sources with 10,000-character quotes, 100 persons,
   * 100 charges), written in a script of 3 UTF-8 bytes a character such as Khmer or Thai, is about
   * 1.2 MiB; an ordinary one is a few KiB.
   * @defaultValue 2097152 (2 MiB)
   */
  maxBodyBytes: number;
  /**
   * Requests allowed per client in each window: per bearer token when a valid one is sent, per client
   * address otherwise; over it, 429 RATE_LIMITED with Retry-After. `/health` is not counted.
   * 0 turns the limit off (for a server behind a proxy that limits by itself).
   * @defaultValue 6000 (100 a second on average: a runaway script, not a busy client)
   */
  rateLimitMax: number;
  /** The rate limit's window, in seconds. @defaultValue 60 */
  rateLimitWindowSeconds: number;
  /** Time to receive a whole HTTP request (headers and body); a stalled one is cut. @defaultValue 30000 */
  httpRequestTimeoutMs: number;
  /** A graphql-ws connection that has not sent `connection_init` by then is closed 4408. @defaultValue 10000 */
  wsConnectionInitTimeoutMs: number;
  /** Bytes that may wait unsent to one graphql-ws client before it is closed 1013. @defaultValue 4194304 */
  wsMaxBufferedBytes: number;
  /**
   * Where to write the GraphQL schema (SDL) at start; unset, nothing is written, so the server runs from
   * a read-only install. `npm run schema` writes the committed schema.gql.
   */
  schemaFile?: string;
  /**
   * The transparency log's name: the first line of its checkpoints and the name of its key. A schema-less
   * URL without spaces or '+' that no other log uses. @defaultValue 'regional-cooperation-tracker/log'
   */
  logOrigin: string;
  /**
   * The Ed25519 key (PKCS #8 PEM) that signs checkpoints; made there on first start when missing. Every
   * instance serving one log must share it. @defaultValue '<dataDir>/log-signing-key.pem'
   */
  logSigningKeyFile: string;
  /** How often a checkpoint is signed while events arrive, in milliseconds. @defaultValue 5000 */
  checkpointIntervalMs: number;
}

/** A configuration value that is not acceptable; the message names the variable and the reason. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const schema = {
  type: 'object',
  properties: {
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    TRACKER_DATA_DIR: { type: 'string', minLength: 1, default: './data' },
    LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    TRACKER_SQLITE_SYNCHRONOUS: { type: 'string', enum: ['FULL', 'NORMAL'], default: 'FULL' },
    TRACKER_DEMO_DATA: { type: 'boolean', default: true },
    TRACKER_PUBLIC_READ: { type: 'boolean', default: true },
    TRACKER_REBUILD_READ_MODEL: { type: 'boolean', default: false },
    TRACKER_READ_CACHE: { type: 'boolean', default: true },
    // From 1 KiB (less holds no mutation) to 100 MiB (more is a mistake, not a need).
    TRACKER_MAX_BODY_BYTES: { type: 'integer', minimum: 1024, maximum: 104_857_600, default: 2_097_152 },
    TRACKER_RATE_LIMIT_MAX: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 6000 },
    TRACKER_RATE_LIMIT_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 86_400, default: 60 },
    TRACKER_HTTP_REQUEST_TIMEOUT_MS: { type: 'integer', minimum: 1000, maximum: 600_000, default: 30_000 },
    TRACKER_WS_INIT_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600_000, default: 10_000 },
    TRACKER_WS_MAX_BUFFERED_BYTES: {
      type: 'integer',
      minimum: 65_536,
      maximum: 1_073_741_824,
      default: 4_194_304,
    },
    TRACKER_SCHEMA_FILE: { type: 'string', minLength: 1 },
    TRACKER_LOG_ORIGIN: {
      type: 'string',
      pattern: '^[^\\s+]+$',
      default: 'regional-cooperation-tracker/log',
    },
    TRACKER_LOG_SIGNING_KEY_FILE: { type: 'string', minLength: 1 },
    TRACKER_CHECKPOINT_INTERVAL_MS: { type: 'integer', minimum: 100, maximum: 3_600_000, default: 5000 },
    EVENT_STORE: { type: 'string', enum: ['sqlite', 'kurrentdb'], default: 'sqlite' },
    KURRENTDB_CONNECTION_STRING: { type: 'string', pattern: '^(kurrentdb|esdb|kdb)(\\+discover)?://' },
  },
} as const;

interface RawEnv {
  PORT: number;
  HOST: string;
  TRACKER_DATA_DIR: string;
  LOG_LEVEL: AppConfig['logLevel'];
  TRACKER_SQLITE_SYNCHRONOUS: AppConfig['sqliteSynchronous'];
  TRACKER_DEMO_DATA: boolean;
  TRACKER_PUBLIC_READ: boolean;
  TRACKER_REBUILD_READ_MODEL: boolean;
  TRACKER_READ_CACHE: boolean;
  TRACKER_MAX_BODY_BYTES: number;
  TRACKER_RATE_LIMIT_MAX: number;
  TRACKER_RATE_LIMIT_WINDOW_SECONDS: number;
  TRACKER_HTTP_REQUEST_TIMEOUT_MS: number;
  TRACKER_WS_INIT_TIMEOUT_MS: number;
  TRACKER_WS_MAX_BUFFERED_BYTES: number;
  TRACKER_SCHEMA_FILE?: string;
  TRACKER_LOG_ORIGIN: string;
  TRACKER_LOG_SIGNING_KEY_FILE?: string;
  TRACKER_CHECKPOINT_INTERVAL_MS: number;
  EVENT_STORE: AppConfig['eventStore'];
  KURRENTDB_CONNECTION_STRING?: string;
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  let raw: RawEnv;
  try {
    raw = envSchema<RawEnv>({ schema, data: env, dotenv: false });
  } catch (error) {
    // Ajv says "env/PORT must be <= 65535"; say it as a person would read it.
    const message = (error as Error).message.replaceAll('env/', '');
    throw new ConfigError(`Invalid configuration: ${message}`);
  }
  if (raw.EVENT_STORE === 'kurrentdb' && !raw.KURRENTDB_CONNECTION_STRING) {
    throw new ConfigError('Invalid configuration: EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING');
  }
  const dataDir = resolve(raw.TRACKER_DATA_DIR);
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir,
    logLevel: raw.LOG_LEVEL,
    sqliteSynchronous: raw.TRACKER_SQLITE_SYNCHRONOUS,
    demoData: raw.TRACKER_DEMO_DATA,
    publicRead: raw.TRACKER_PUBLIC_READ,
    rebuildReadModel: raw.TRACKER_REBUILD_READ_MODEL,
    readCache: raw.TRACKER_READ_CACHE,
    maxBodyBytes: raw.TRACKER_MAX_BODY_BYTES,
    rateLimitMax: raw.TRACKER_RATE_LIMIT_MAX,
    rateLimitWindowSeconds: raw.TRACKER_RATE_LIMIT_WINDOW_SECONDS,
    httpRequestTimeoutMs: raw.TRACKER_HTTP_REQUEST_TIMEOUT_MS,
    wsConnectionInitTimeoutMs: raw.TRACKER_WS_INIT_TIMEOUT_MS,
    wsMaxBufferedBytes: raw.TRACKER_WS_MAX_BUFFERED_BYTES,
    ...(raw.TRACKER_SCHEMA_FILE ? { schemaFile: resolve(raw.TRACKER_SCHEMA_FILE) } : {}),
    logOrigin: raw.TRACKER_LOG_ORIGIN,
    logSigningKeyFile: resolve(raw.TRACKER_LOG_SIGNING_KEY_FILE ?? join(dataDir, 'log-signing-key.pem')),
    checkpointIntervalMs: raw.TRACKER_CHECKPOINT_INTERVAL_MS,
    eventStore: raw.EVENT_STORE,
    ...(raw.KURRENTDB_CONNECTION_STRING
      ? { kurrentDbConnectionString: raw.KURRENTDB_CONNECTION_STRING }
      : {}),
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
