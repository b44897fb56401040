import { SqliteEventStore } from '@tracker/event-store';
import { RecordCommandExecutor, readDemoDataset } from '@tracker/tracking';
import type { RecordCommand } from '@tracker/domain';
import { v7 as uuid } from 'uuid';
import { measure, type Comparison } from './support/measure.js';
import { benchFile } from './support/temp-dir.js';

/**
 * A whole command (read the stream, fold, validate every field, decide, append) against a bare append
 * of the same event: the ratio is what the domain's rules and the read-before-write cost.
 */
export async function commandExecutionBenchmarks(): Promise<Comparison[]> {
  const dataset = readDemoDataset();
  const template = dataset.commands.find((c) => c.type === 'ReportFigure') as RecordCommand;

  const store = SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous: 'NORMAL' });
  const executor = new RecordCommandExecutor({ store });
  const subject = await measure('ReportFigure command', 1000, () =>
    executor.execute({ ...template, recordId: uuid() }, { actor: 'bench' }),
  );
  await store.close();

  const bare = SqliteEventStore.open({ path: benchFile('events.sqlite'), synchronous: 'NORMAL' });
  const { type: _type, ...data } = template as unknown as Record<string, unknown>;
  const baseline = await measure('bare append of its event', 1000, () =>
    bare.append(`record-${uuid()}`, [{ id: uuid(), type: 'FigureReported', data }], {
      expectedRevision: 'no_stream',
    }),
  );
  await bare.close();
  return [{ benchmark: 'record a figure', subject, baseline }];
}
