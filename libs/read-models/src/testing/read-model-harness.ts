import type { RecordCommand } from '@tracker/domain';
import { SqliteEventStore } from '@tracker/event-store';
import { RecordCommandExecutor, type CommandOutcome } from '@tracker/tracking';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModel, readModelProjections } from '../read-db/open-read-model.js';
import type { ReadDatabase } from '../read-db/read-database.js';
import { ProjectionRunner } from '../runner/projection-runner.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * A real SQLite event store, the real command path and a real read DB fed by the runner, in a temp
 * folder. The store clock is the harness's: each command is recorded one minute after the previous
 * one, so "as of" specs can name a recording time between two commands without sleeping.
 */
export class ReadModelHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'read-models-'));
  /** Store clock and the decisions' "today". */
  now = new Date('2025-03-01T09:00:00.000Z');
  readonly store: SqliteEventStore;
  readonly executor: RecordCommandExecutor;
  readonly readDb: ReadDatabase;
  readonly runner: ProjectionRunner;

  constructor() {
    this.store = SqliteEventStore.open({
      path: join(this.dir, 'events.sqlite'),
      synchronous: 'NORMAL',
      clock: () => this.now,
    });
    this.executor = new RecordCommandExecutor({ store: this.store, clock: () => this.now });
    this.readDb = openReadModel(join(this.dir, 'read.sqlite'));
    this.runner = new ProjectionRunner({
      store: this.store,
      readDb: this.readDb,
      projections: readModelProjections(),
      logger: silent,
    });
    this.runner.start();
  }

  /** Runs commands in order, each a minute after the previous, and waits until the read DB has them. */
  async run(...commands: RecordCommand[]): Promise<CommandOutcome[]> {
    const outcomes: CommandOutcome[] = [];
    for (const command of commands) {
      this.now = new Date(this.now.getTime() + 60_000);
      const outcome = await this.executor.execute(command, { actor: 'tester' });
      await this.runner.waitForPosition(outcome.position);
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** The last recording time so far: an `asOf` that sees everything recorded until now. */
  recordedUntilNow(): string {
    return this.now.toISOString();
  }

  /** A second read DB built from scratch by replaying the whole store (what a rebuild does). */
  async rebuild(name = 'rebuilt.sqlite'): Promise<ReadDatabase> {
    const readDb = openReadModel(join(this.dir, name));
    const runner = new ProjectionRunner({
      store: this.store,
      readDb,
      projections: readModelProjections(),
      logger: silent,
    });
    await runner.catchUp();
    await runner.stop();
    return readDb;
  }

  async close(): Promise<void> {
    await this.runner.stop();
    this.readDb.close();
    await this.store.close();
  }
}
