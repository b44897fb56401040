import { recordIdFromStream, type RecordCommand } from '@tracker/domain';
import type { EventStore, Position } from '@tracker/event-store';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordCommandExecutor } from '../commands/record-command-executor.js';

/** The demo dataset: facts of the source article as commands, in recording order. */
export interface DemoDataset {
  description: string;
  /** Recorded as the actor of every demo event, so audits tell demo data from real entries. */
  actor: string;
  commands: RecordCommand[];
}

export const DEMO_DATASET_FILE = 'data/demo/cambodia-online-scams.json';

/** Finds the dataset from wherever the code runs (sources under Jest, dist/ after a build). */
export function locateDemoDataset(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, DEMO_DATASET_FILE);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`The demo dataset ${DEMO_DATASET_FILE} was not found above ${from}`);
}

export function readDemoDataset(path = locateDemoDataset()): DemoDataset {
  return JSON.parse(readFileSync(path, 'utf8')) as DemoDataset;
}

export interface DemoLoadResult {
  /** Whether anything was recorded (false: the store was not the demo's, or held it whole already). */
  loaded: boolean;
  /** Commands recorded now (those an earlier, interrupted load had recorded are not counted). */
  commands: number;
}

/**
 * Loads the demo dataset into a store without records, through the same command path as every client, so
 * the demo obeys every rule. A store whose first record was not the demo's is left alone: demo data never
 * mixes into real data. (API tokens issued before the first start are events too, but not records.)
 * A store whose first record is the demo's is loaded again: each command has a fixed idempotency key, so
 * what was recorded is recognised and skipped, and a load interrupted half-way (a crash on first start)
 * is completed.
 */
export async function loadDemoData(
  store: EventStore,
  executor: RecordCommandExecutor,
  dataset: DemoDataset = readDemoDataset(),
): Promise<DemoLoadResult> {
  const firstActor = await firstRecordActor(store);
  if (firstActor !== undefined && firstActor !== dataset.actor) {
    return { loaded: false, commands: 0 };
  }
  let recorded = 0;
  for (const [index, command] of dataset.commands.entries()) {
    const outcome = await executor.execute(command, {
      actor: dataset.actor,
      idempotencyKey: `demo-${index}`,
    });
    if (!outcome.replayed) recorded++;
  }
  return { loaded: recorded > 0, commands: recorded };
}

/** Who recorded the store's first record (undefined: no record yet); reads up to that event only. */
async function firstRecordActor(store: EventStore): Promise<string | undefined> {
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ maxCount: 500, ...(after === undefined ? {} : { after }) });
    const first = page.find((event) => recordIdFromStream(event.stream) !== undefined);
    if (first) return String(first.metadata.actor ?? '');
    if (page.length === 0) return undefined;
    after = page.at(-1)!.position;
  }
}
