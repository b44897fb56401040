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
  loaded: boolean;
  commands: number;
}

/**
 * Loads the demo dataset into a store without records, through the same command path as every client, so
 * the demo obeys every rule. A store that holds any record is left alone: demo data never mixes into
 * real data. (API tokens issued before the first start are events too, but not records.)
 * Each command has a fixed idempotency key, so a load interrupted half-way can simply be run again.
 */
export async function loadDemoData(
  store: EventStore,
  executor: RecordCommandExecutor,
  dataset: DemoDataset = readDemoDataset(),
  options: { resume?: boolean } = {},
): Promise<DemoLoadResult> {
  if (!options.resume && (await holdsRecords(store))) return { loaded: false, commands: 0 };
  for (const [index, command] of dataset.commands.entries()) {
    await executor.execute(command, { actor: dataset.actor, idempotencyKey: `demo-${index}` });
  }
  return { loaded: true, commands: dataset.commands.length };
}

/** Whether any event of the store belongs to a record; stops at the first one. */
async function holdsRecords(store: EventStore): Promise<boolean> {
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ maxCount: 500, ...(after === undefined ? {} : { after }) });
    if (page.some((event) => recordIdFromStream(event.stream) !== undefined)) return true;
    if (page.length === 0) return false;
    after = page.at(-1)!.position;
  }
}
