import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { envSchema } from 'env-schema';
import { join, resolve } from 'node:path';

/** One of `values`, as JSON Schema's `enum` (Ajv then says "must be equal to one of the allowed values"). */
const oneOf = <const T extends readonly string[]>(
  values: T,
  options: { default?: T[number]; description: string },
) => Type.Unsafe<T[number]>({ type: 'string', enum: values, ...options });

/**
 * Every setting, once: its name in the configuration, the environment variable it is read from, and its
 * JSON Schema (type, bounds, default, meaning). The AppConfig type and the environment's validation are
 * both derived from this table, so a setting cannot be typed one way and checked another.
 */
const SETTINGS = {
  port: {
    env: 'PORT',
    schema: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port.' }),
  },
  host: {
    env: 'HOST',
    schema: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Address to listen on.' }),
  },
  dataDir: {
    env: 'TRACKER_DATA_DIR',
    schema: Type.String({
      minLength: 1,
      default: './data',
      description: 'Folder of the embedded event-store file and the read DB (made absolute).',
    }),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    schema: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      default: 'info',
      description: 'Log level.',
    }),
  },
  sqliteSynchronous: {
    env: 'TRACKER_SQLITE_SYNCHRONOUS',
    schema: oneOf(['FULL', 'NORMAL'], {
      default: 'FULL',
      description: 'SQLite durability: FULL survives power loss on every acknowledged append.',
    }),
  },
  eventStore: {
    env: 'EVENT_STORE',
    schema: oneOf(['sqlite', 'kurrentdb'], {
      default: 'sqlite',
      description: 'Which event store: the embedded SQLite file, or a KurrentDB (cluster) for scale-out.',
    }),
  },
  kurrentDbConnectionString: {
    env: 'KURRENTDB_CONNECTION_STRING',
    schema: Type.Optional(
      Type.String({
        pattern: '^(kurrentdb|esdb|kdb)(\\+discover)?://',
        description: 'Required when eventStore is kurrentdb, e.g. `kurrentdb://127.0.0.1:2113?tls=false`.',
      }),
    ),
  },
  demoData: {
    env: 'TRACKER_DEMO_DATA',
    schema: Type.Boolean({
      default: true,
      description: 'Load the demo dataset into an empty event store at start.',
    }),
  },
  publicRead: {
    env: 'TRACKER_PUBLIC_READ',
    schema: Type.Boolean({
      default: true,
      description:
        'Whether anyone may query and subscribe without a token (writing always needs one); true so the demo works out of the box.',
    }),
  },
  rebuildReadModel: {
    env: 'TRACKER_REBUILD_READ_MODEL',
    schema: Type.Boolean({
      default: false,
      description: 'Empty the read DB at start and replay the whole store into it.',
    }),
  },
  readCache: {
    env: 'TRACKER_READ_CACHE',
    schema: Type.Boolean({
      default: true,
      description: 'Keep query answers until the read DB next commits (off: every read goes to SQLite).',
    }),
  },
  maxBodyBytes: {
    env: 'TRACKER_MAX_BODY_BYTES',
    // From 1 KiB (less holds no mutation) to 100 MiB (more is a mistake, not a need). The largest mutation
    // the input rules allow (25 sources with 10,000-character quotes, 100 persons, 100 charges), written in a
    // script of 3 UTF-8 bytes a character such as Khmer or Thai, is about 1.2 MiB; an ordinary one a few KiB.
    schema: Type.Integer({
      minimum: 1024,
      maximum: 104_857_600,
      default: 2_097_152,
      description: 'Largest HTTP request body, in bytes; a bigger one is refused with 413 PAYLOAD_TOO_LARGE.',
    }),
  },
  rateLimitMax: {
    env: 'TRACKER_RATE_LIMIT_MAX',
    // 6000 a minute is 100 a second on average: a runaway script, not a busy client.
    schema: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000,
      default: 6000,
      description:
        'Requests per window for each token (each client address without one); over it 429 RATE_LIMITED; 0 turns the limit off.',
    }),
  },
  rateLimitWindowSeconds: {
    env: 'TRACKER_RATE_LIMIT_WINDOW_SECONDS',
    schema: Type.Integer({
      minimum: 1,
      maximum: 86_400,
      default: 60,
      description: "The rate limit's window, in seconds.",
    }),
  },
  httpRequestTimeoutMs: {
    env: 'TRACKER_HTTP_REQUEST_TIMEOUT_MS',
    schema: Type.Integer({
      minimum: 1000,
      maximum: 600_000,
      default: 30_000,
      description: 'Time to receive a whole HTTP request (headers and body); a stalled one is cut.',
    }),
  },
  wsConnectionInitTimeoutMs: {
    env: 'TRACKER_WS_INIT_TIMEOUT_MS',
    schema: Type.Integer({
      minimum: 100,
      maximum: 600_000,
      default: 10_000,
      description: 'A graphql-ws connection that has not sent `connection_init` by then is closed 4408.',
    }),
  },
  wsKeepAliveMs: {
    env: 'TRACKER_WS_KEEP_ALIVE_MS',
    schema: Type.Integer({
      minimum: 100,
      maximum: 600_000,
      default: 30_000,
      description:
        'A WebSocket ping to each graphql-ws client this often; one that has not answered by the next is dropped.',
    }),
  },
  wsMaxBufferedBytes: {
    env: 'TRACKER_WS_MAX_BUFFERED_BYTES',
    schema: Type.Integer({
      minimum: 65_536,
      maximum: 1_073_741_824,
      default: 4_194_304,
      description: 'Bytes that may wait unsent to one graphql-ws client before it is closed 1013.',
    }),
  },
  schemaFile: {
    env: 'TRACKER_SCHEMA_FILE',
    schema: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Where to write the GraphQL schema (SDL) at start; unset, nothing is written, so the server runs from a read-only install.',
      }),
    ),
  },
  logOrigin: {
    env: 'TRACKER_LOG_ORIGIN',
    schema: Type.String({
      pattern: '^[^\\s+]+$',
      default: 'regional-cooperation-tracker/log',
      description:
        "The transparency log's name: the first line of its checkpoints and the name of its key; no spaces or '+'.",
    }),
  },
  logSigningKeyFile: {
    env: 'TRACKER_LOG_SIGNING_KEY_FILE',
    schema: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'The Ed25519 key (PKCS #8 PEM) that signs checkpoints, made there on first start when missing; every instance serving one log shares it. Default `<dataDir>/log-signing-key.pem`.',
      }),
    ),
  },
  checkpointIntervalMs: {
    env: 'TRACKER_CHECKPOINT_INTERVAL_MS',
    schema: Type.Integer({
      minimum: 100,
      maximum: 3_600_000,
      default: 5000,
      description: 'How often a checkpoint is signed while events arrive, in milliseconds.',
    }),
  },
} as const satisfies Record<string, { env: string; schema: TSchema }>;

type Settings = typeof SETTINGS;

/** The configuration as the settings' schemas give it (an optional setting may be absent). */
type SettingValues = Static<ReturnType<typeof Type.Object<{ [K in keyof Settings]: Settings[K]['schema'] }>>>;

/** The server's whole configuration, read once from the environment at start. */
export type AppConfig = SettingValues & { logSigningKeyFile: string };

/** A configuration value that is not acceptable; the message names the variable and the reason. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The environment's schema: each setting under its variable's name. */
const ENV_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(Object.values(SETTINGS).map(({ env, schema }) => [env, schema])),
};

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  let raw: Record<string, unknown>;
  try {
    raw = envSchema<Record<string, unknown>>({ schema: ENV_SCHEMA, data: env, dotenv: false });
  } catch (error) {
    // Ajv says "env/PORT must be <= 65535"; say it as a person would read it.
    const message = (error as Error).message.replaceAll('env/', '');
    throw new ConfigError(`Invalid configuration: ${message}`);
  }
  const values = Object.fromEntries(
    Object.entries(SETTINGS)
      .filter(([, { env }]) => raw[env] !== undefined)
      .map(([name, { env }]) => [name, raw[env]]),
  ) as SettingValues;
  if (values.eventStore === 'kurrentdb' && !values.kurrentDbConnectionString) {
    throw new ConfigError('Invalid configuration: EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING');
  }
  const dataDir = resolve(values.dataDir);
  return {
    ...values,
    dataDir,
    ...(values.schemaFile ? { schemaFile: resolve(values.schemaFile) } : {}),
    logSigningKeyFile: resolve(values.logSigningKeyFile ?? join(dataDir, 'log-signing-key.pem')),
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Every environment variable the server reads, as README's configuration table must list them. */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.values(SETTINGS).map(({ env }) => env);
