import { verifyEventsExport, type LoggedEvent } from '@tracker/integrity/verification';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Verdict } from './verify-evidence.js';

/** An events export is NDJSON whose first line is an event (a bundle is one JSON document). */
export async function isEventsExport(path: string): Promise<boolean> {
  for await (const line of lines(path)) {
    try {
      const value = JSON.parse(line) as { stream?: unknown; metadata?: unknown };
      return typeof value.stream === 'string' && typeof value.metadata === 'object';
    } catch {
      return false;
    }
  }
  return false;
}

/** Checks an events export, reading it twice as a stream: once for its checkpoint, once for its events. */
export async function verifyEventsExportFile(path: string, key: string): Promise<Verdict> {
  let checkpoint: string | undefined;
  for await (const line of lines(path)) {
    const value = JSON.parse(line) as { checkpoint?: unknown };
    if (typeof value.checkpoint === 'string') checkpoint = value.checkpoint;
  }
  if (checkpoint === undefined) {
    return { ok: false, lines: ['NOT verified: the export does not end with a signed checkpoint'] };
  }
  const events = (async function* () {
    for await (const line of lines(path)) {
      const value = JSON.parse(line) as LoggedEvent & { checkpoint?: unknown };
      if (value.checkpoint === undefined) yield value;
    }
  })();
  const report = await verifyEventsExport(events, checkpoint, key);
  return report.ok
    ? {
        ok: true,
        lines: [
          `checkpoint: ${report.head.origin}, ${report.head.size} events, signed ${report.head.time}: signature valid`,
          `verified: the export's ${report.head.size} events are exactly the log the checkpoint signed`,
        ],
      }
    : { ok: false, lines: [`NOT verified: ${report.reason}`] };
}

async function* lines(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() !== '') yield line;
  }
}
