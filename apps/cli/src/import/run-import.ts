import { DomainError } from '@tracker/domain';
import { commandsOfEventStream, type ExportedEvent } from '@tracker/exchange';
import type { EventStore } from '@tracker/event-store';
import { RecordCommandExecutor } from '@tracker/tracking';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  commandsOfCsvRow,
  commandsOfJsonLine,
  LineRefused,
  replayKey,
  type LineProblem,
  type PlannedCommand,
} from './import-items.js';

export interface ImportOptions {
  path: string;
  format: 'csv' | 'ndjson';
  /** Who the events name as their actor. */
  actor: string;
  /** Part of every line's idempotency key: the file's content hash, so a re-run records nothing twice. */
  fileKey: string;
  onProgress: (line: number) => void;
  onProblem: (problem: LineProblem) => void;
}

export interface ImportSummary {
  lines: number;
  recorded: number;
  /** Commands an earlier run (or an earlier line with the same key) had recorded already. */
  replayed: number;
  refused: number;
}

/** A line whose record refers to one later in the file: tried once more at the end. */
const LATER_REFERENCES: ReadonlySet<string> = new Set(['INVALID_REFERENCE', 'UNKNOWN_RECORD']);

/**
 * Runs a file's commands through the command path, in order: the domain's rules decide each, the events
 * name the actor, and each command is atomic (a refused one writes nothing). A line's refusal is reported
 * and the import goes on. Lines of records (CSV, exported records) that refer to a record further on are
 * tried again once the file is read.
 */
export async function importFile(store: EventStore, options: ImportOptions): Promise<ImportSummary> {
  const executor = new RecordCommandExecutor({ store });
  const summary: ImportSummary = { lines: 0, recorded: 0, replayed: 0, refused: 0 };
  const deferred: { line: number; planned: PlannedCommand[] }[] = [];

  const run = async (line: number, planned: PlannedCommand[], mayDefer: boolean): Promise<void> => {
    try {
      for (const { command, key, given } of planned) {
        const outcome = await executor.execute(command, {
          actor: options.actor,
          idempotencyKey: key,
          // Keys derived from the file's content can only ever name this line's request.
          keyDerivedFromRequest: given !== true,
        });
        if (outcome.replayed) summary.replayed += 1;
        else summary.recorded += 1;
      }
    } catch (error) {
      const problem = problemOf(line, error);
      if (mayDefer && LATER_REFERENCES.has(problem.code)) {
        deferred.push({ line, planned });
        return;
      }
      summary.refused += 1;
      options.onProblem(problem);
    }
  };
  const plan = async (line: number, make: () => Promise<PlannedCommand[]> | PlannedCommand[]) => {
    try {
      return await make();
    } catch (error) {
      summary.refused += 1;
      options.onProblem(problemOf(line, error));
      return undefined;
    }
  };

  for await (const item of itemsOf(options)) {
    summary.lines = item.line;
    options.onProgress(item.line);
    if (item.kind === 'events') {
      await run(item.line, item.planned, false);
      continue;
    }
    const planned = await plan(item.line, item.plan);
    if (planned !== undefined) await run(item.line, planned, item.mayDefer);
  }
  for (const { line, planned } of deferred) await run(line, planned, false);
  return summary;
}

type Item =
  | {
      kind: 'line';
      line: number;
      plan: () => Promise<PlannedCommand[]> | PlannedCommand[];
      mayDefer: boolean;
    }
  | { kind: 'events'; line: number; planned: PlannedCommand[] };

/** The file's lines as what to run, read as a stream: memory stays at one line (one command's events). */
async function* itemsOf(options: ImportOptions): AsyncGenerator<Item> {
  if (options.format === 'csv') {
    const rows = createReadStream(options.path).pipe(
      parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
    );
    for await (const { record, info } of rows as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const line = info.lines;
      yield {
        kind: 'line',
        line,
        plan: () => commandsOfCsvRow(record, `${options.fileKey}:${line}`),
        mayDefer: true,
      };
    }
    return;
  }
  const lines = jsonLines(options.path);
  const first = await lines.next();
  if (first.done) return;
  if (isExportedEvent(first.value.value)) {
    // An events export: its commands are rebuilt and replayed in store order, under their own ids.
    const events = (async function* () {
      let current = first.value;
      for (;;) {
        if (isExportedEvent(current.value)) yield Object.assign(current.value, { line: current.line });
        const next = await lines.next();
        if (next.done) return;
        current = next.value;
      }
    })();
    for await (const { command, events: group } of commandsOfEventStream(events)) {
      const line = (group[0] as ExportedEvent & { line: number }).line;
      yield { kind: 'events', line, planned: [{ command, key: replayKey(group) }] };
    }
    return;
  }
  for (let current: IteratorResult<JsonLine> = first; !current.done; current = await lines.next()) {
    const { line, value, error } = current.value;
    yield {
      kind: 'line',
      line,
      plan: () => {
        if (error !== undefined)
          throw new LineRefused({ code: 'BAD_USER_INPUT', message: `not JSON: ${error}` });
        return commandsOfJsonLine(value, `${options.fileKey}:${line}`);
      },
      mayDefer: true,
    };
  }
}

interface JsonLine {
  line: number;
  value?: unknown;
  error?: string;
}

async function* jsonLines(path: string): AsyncGenerator<JsonLine> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      yield { line, error: (error as Error).message };
    }
  }
}

function isExportedEvent(value: unknown): value is ExportedEvent {
  const event = value as Partial<ExportedEvent> | null;
  return (
    typeof event?.stream === 'string' && typeof event.metadata === 'object' && typeof event.type === 'string'
  );
}

function problemOf(line: number, error: unknown): LineProblem {
  if (error instanceof LineRefused) return { line, ...error.problem };
  if (error instanceof DomainError) {
    return { line, ...(error.field ? { field: error.field } : {}), code: error.code, message: error.message };
  }
  const coded = error as { code?: unknown; message?: string };
  if (typeof coded.code === 'string' && /^[A-Z_]+$/.test(coded.code)) {
    return { line, code: coded.code, message: coded.message ?? String(error) };
  }
  throw error;
}
