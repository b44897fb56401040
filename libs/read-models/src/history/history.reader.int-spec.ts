import { ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import * as t from '../testing/tracker-commands.js';
import { HistoryReader } from './history.reader.js';

describe('HistoryReader', () => {
  let harness: ReadModelHarness;

  beforeAll(async () => {
    harness = new ReadModelHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('gives every event of a record in order: who, when, what, where', async () => {
    await harness.run(t.detention(), t.charge());
    harness.now = new Date('2025-03-05T10:00:00.000Z');
    const corrected = await harness.executor.execute(
      t.correct(t.ID.detention, { outlet: 'Another Outlet' }),
      {
        actor: 'CPJ',
      },
    );
    await harness.runner.waitForPosition(corrected.position);
    const history = new HistoryReader(harness.readDb).history(t.ID.detention, {});
    expect(history.totalCount).toBe(3);
    expect(history.edges.map(({ node }) => [node.type, node.actor, node.revision])).toEqual([
      ['JournalistDetained', 'tester', 0],
      ['DetentionCharged', 'tester', 1],
      ['RecordCorrected', 'CPJ', 2],
    ]);
    expect(history.edges[2]!.node).toMatchObject({
      recordId: t.ID.detention,
      position: corrected.position,
      recordedAt: '2025-03-05T10:00:00.000Z',
      data: { changes: { outlet: 'Another Outlet' }, reason: 'Corrected from a better source' },
      metadata: { actor: 'CPJ', commandType: 'CorrectRecord', schemaVersion: 1 },
    });
  });

  it('pages oldest first and answers NOT_FOUND for a record it never held', () => {
    const reader = new HistoryReader(harness.readDb);
    const first = reader.history(t.ID.detention, { first: 2 });
    const rest = reader.history(t.ID.detention, { first: 2, after: first.pageInfo.endCursor });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(rest.edges.map(({ node }) => node.type)).toEqual(['RecordCorrected']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(() => reader.history(t.ID.meeting, {})).toThrow(ReadModelNotFoundError);
  });
});
