import { openEventStore, SqliteEventStore, type EventStore } from '@tracker/event-store';
import { SingleBar } from 'cli-progress';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import type { AppConfig } from '@tracker/config';
import { eventStoreChoice } from '@tracker/config';
import { importFile } from '../import/run-import.js';
import { UsageError } from './usage-error.js';

export const IMPORT_USAGE = `tracker import FILE [--format csv|ndjson] [--actor NAME] [--report FILE] [--dry-run]
                         record a file through the command path, each line checked as the API checks it:
                         NDJSON of mutations or commands, an events or records export, or CSV of
                         records (README: "Importing"); refused lines go to the report, re-runs record
                         nothing twice; --dry-run decides every line on a copy of the store, writes nothing`;

/** `tracker import FILE`: progress on stderr (a bar on a terminal), a summary on stdout. */
export async function runImportCommand(
  args: string[],
  config: AppConfig,
  out: (line: string) => void,
  say: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      actor: { type: 'string' },
      report: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const [path] = positionals;
  if (path === undefined || positionals.length > 1) throw new UsageError('import takes one FILE');
  if (!existsSync(path)) throw new UsageError(`no file ${path}`);
  const format = values.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'ndjson');
  if (format !== 'csv' && format !== 'ndjson') throw new UsageError('--format is csv or ndjson');
  const reportPath = values.report ?? `${path}.refused.ndjson`;
  const dryRun = values['dry-run'] === true;

  const { hash, lines } = await hashAndCount(path);
  const { store, discard } = await openTarget(config, dryRun);
  const report = createWriteStream(reportPath);
  const progress = progressOf(lines, say);
  let refused = 0;
  try {
    const started = Date.now();
    const summary = await importFile(store, {
      path,
      format,
      actor: values.actor ?? 'import',
      fileKey: `import:${hash.slice(0, 24)}`,
      onProgress: progress.update,
      onProblem: (problem) => report.write(`${JSON.stringify(problem)}\n`),
    });
    progress.stop();
    refused = summary.refused;
    const seconds = (Date.now() - started) / 1000;
    out(
      `${dryRun ? 'Dry run (nothing written): ' : ''}${summary.lines} lines, ${summary.recorded} commands recorded, ` +
        `${summary.replayed} already recorded before, ${summary.refused} lines refused ` +
        `(${Math.round((summary.recorded + summary.replayed) / Math.max(seconds, 0.001))} commands/s).`,
    );
    if (summary.refused > 0) out(`Refused lines, with the field, code and reason of each: ${reportPath}`);
    return summary.refused > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await new Promise((resolve) => report.end(resolve));
    // A report is left only when it has something to say.
    if (refused === 0) rmSync(reportPath, { force: true });
    await store.close();
    discard();
  }
}

/** The store to import into; for a dry run, a copy of the embedded store, thrown away afterwards. */
async function openTarget(
  config: AppConfig,
  dryRun: boolean,
): Promise<{ store: EventStore; discard: () => void }> {
  const choice = eventStoreChoice(config);
  if (!dryRun) return { store: await openEventStore(choice), discard: () => {} };
  if (choice.kind !== 'sqlite') {
    throw new UsageError('--dry-run copies the embedded store; it cannot copy a KurrentDB');
  }
  const folder = mkdtempSync(join(tmpdir(), 'tracker-dry-run-'));
  const copy = join(folder, 'events.sqlite');
  if (existsSync(choice.path)) {
    // A consistent copy, even while a server appends: SQLite's own VACUUM INTO.
    const source = new DatabaseSync(choice.path, { readOnly: true });
    source.prepare('VACUUM INTO ?').run(copy);
    source.close();
  }
  return {
    store: SqliteEventStore.open({ path: copy, synchronous: 'NORMAL' }),
    discard: () => rmSync(folder, { recursive: true, force: true }),
  };
}

async function hashAndCount(path: string): Promise<{ hash: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    for (const byte of chunk as Buffer) if (byte === 0x0a) lines += 1;
  }
  return { hash: hash.digest('hex'), lines };
}

/** A bar with rate and ETA on a terminal; a plain line every 2 s otherwise (logs, CI). */
function progressOf(total: number, say: (line: string) => void) {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: 'import [{bar}] {value}/{total} lines | {eta_formatted} left | {speed} lines/s',
      stream: process.stderr,
    });
    const started = Date.now();
    bar.start(total, 0, { speed: '0' });
    let stopped = false;
    return {
      update: (line: number) =>
        bar.update(line, {
          speed: String(Math.round(line / Math.max((Date.now() - started) / 1000, 0.001))),
        }),
      stop: () => {
        if (!stopped) bar.stop();
        stopped = true;
      },
    };
  }
  const started = Date.now();
  let said = started;
  return {
    update: (line: number) => {
      if (Date.now() - said < 2_000) return;
      said = Date.now();
      const rate = line / Math.max((said - started) / 1000, 0.001);
      const left = Math.max(0, Math.round((total - line) / Math.max(rate, 0.001)));
      say(`import: line ${line} of ${total} (${Math.round(rate)} lines/s, about ${left} s left)`);
    },
    stop: () => {},
  };
}
