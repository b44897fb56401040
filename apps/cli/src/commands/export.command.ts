import { transparencyLogPath } from '@tracker/config';
import { allEvents, openEventStore, SqliteEventStore, type EventStore } from '@tracker/event-store';
import { parseKindList, recordExportStream, splitList } from '@tracker/exchange';
import { LogSigner, MerkleLog } from '@tracker/integrity';
import {
  lockReadDb,
  openReadModel,
  readModelProjections,
  InvalidQueryArgumentError,
  ReadDbInUseError,
  RecordsReader,
  type ReadDatabase,
} from '@tracker/read-models';
import { createWriteStream, existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { AppConfig } from '@tracker/config';
import { eventStoreChoice } from '@tracker/config';
import { readDbPath } from '@tracker/config';
import { Checkpointer } from '@tracker/integrity';
import { catchUpReadModel } from './catch-up.js';
import { UsageError } from './usage-error.js';

export const EXPORT_USAGE = `tracker export records [--format csv|ndjson] [--country KH,TH]... [--kind FIGURE,ARREST]...
                         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--as-of ISO-time] [--bom] [--out FILE]
                         every record matching, one row or line each (README: "Export columns")
tracker export events [--format ndjson] [--out FILE]
                         every event in store order with its metadata, then the signed checkpoint of
                         the log at that size: the audit trail, verifiable by dist/verify-evidence.mjs`;

/** `tracker export ...`: to a file, or to stdout (progress and notes go to stderr). */
export async function runExportCommand(
  args: string[],
  config: AppConfig,
  stdout: Writable,
  say: (line: string) => void,
): Promise<number> {
  const [what, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      format: { type: 'string' },
      // Lists: comma-separated, repeated (--kind FIGURE --kind ARREST), or both.
      country: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
      bom: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  // Every option checked before anything is opened or written: a mistyped one leaves no file behind.
  const target = () => (values.out === undefined ? stdout : createWriteStream(values.out));
  if (what === 'records') {
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'ndjson') throw new UsageError('--format is csv or ndjson');
    const filter = {
      ...(values.country ? { countries: values.country.flatMap(splitList) } : {}),
      ...(values.kind
        ? {
            kinds: parseKindList(values.kind.join(','), (message) => new UsageError(`--kind: ${message}`)),
          }
        : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    };
    await withCurrentReadModel(config, say, async (readDb) => {
      let stream;
      try {
        stream = recordExportStream(new RecordsReader(readDb), {
          format,
          filter,
          ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
          bom: values.bom === true,
        });
      } catch (error) {
        // The read model's refusal of a filter (a malformed day, too many countries), said as the option.
        if (error instanceof InvalidQueryArgumentError)
          throw new UsageError(`--${optionOf(error.argument)}: ${error.message}`);
        throw error;
      }
      const out = target();
      await pipeline(stream, out, { end: out !== stdout });
    });
    return 0;
  }
  if (what === 'events') {
    if (values.format !== undefined && values.format !== 'ndjson')
      throw new UsageError('events are exported as ndjson');
    const out = target();
    const count = await exportEvents(config, out, say);
    say(`Exported ${count} events, ending with the signed checkpoint of the log at ${count}.`);
    return 0;
  }
  throw new UsageError('export what: records or events');
}

/**
 * Runs `read` on this instance's read DB, brought up to the store's head first when no server feeds it
 * (its lock is free); while a server runs, it is read as the server keeps it, current.
 */
async function withCurrentReadModel(
  config: AppConfig,
  say: (line: string) => void,
  read: (readDb: ReadDatabase) => Promise<void>,
): Promise<void> {
  const path = readDbPath(config);
  let lock;
  try {
    lock = lockReadDb(path);
  } catch (error) {
    if (!(error instanceof ReadDbInUseError)) throw error;
    say('A server feeds this read DB: exporting what it holds now.');
  }
  const readDb = openReadModel(path, readModelProjections());
  try {
    if (lock !== undefined) {
      const store = await openEventStore(eventStoreChoice(config));
      try {
        await catchUpReadModel(store, readDb);
      } finally {
        await store.close();
      }
    }
    await read(readDb);
  } finally {
    readDb.close();
    lock?.release();
  }
}

/**
 * Every event up to the log's latest checkpoint, signing one first when the log has grown since (this
 * instance's key), then the checkpoint itself as the last line.
 */
async function exportEvents(config: AppConfig, out: Writable, say: (line: string) => void): Promise<number> {
  const choice = eventStoreChoice(config);
  const store: EventStore = await openEventStore(choice);
  const ownLog = store instanceof SqliteEventStore ? store.log : undefined;
  const logPath = transparencyLogPath(config);
  if (ownLog === undefined && !existsSync(logPath)) {
    await store.close();
    throw new UsageError(`no transparency log at ${logPath}: start the server once to build it`);
  }
  const logDb = ownLog === undefined ? new DatabaseSync(logPath) : undefined;
  try {
    const log = ownLog ?? new MerkleLog(logDb!);
    const signed = new Checkpointer(
      log,
      LogSigner.atPath(config.logOrigin, config.logSigningKeyFile),
    ).signIfGrown();
    if (signed !== undefined) say(`Signed a checkpoint at ${signed} events.`);
    const checkpoint = log.checkpoint();
    const size = checkpoint?.size ?? 0;
    await pipeline(Readable.from(eventLines(store, size, checkpoint?.note)), out, {
      end: out !== process.stdout,
    });
    return size;
  } finally {
    logDb?.close();
    await store.close();
  }
}

async function* eventLines(
  store: EventStore,
  count: number,
  checkpoint: string | undefined,
): AsyncGenerator<string> {
  for await (const event of allEvents(store, { limit: count })) {
    yield `${JSON.stringify({
      id: event.id,
      stream: event.stream,
      revision: String(event.revision),
      position: event.position,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt.toISOString(),
    })}\n`;
  }
  if (checkpoint !== undefined) yield `${JSON.stringify({ checkpoint })}\n`;
}

/** The CLI option of a reader argument: `countries` is `--country`, `asOf` is `--as-of`. */
function optionOf(argument: string): string {
  return (
    ({ countries: 'country', kinds: 'kind', asOf: 'as-of' } as Record<string, string>)[argument] ?? argument
  );
}
