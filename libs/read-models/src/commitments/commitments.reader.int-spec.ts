import { isOverdue, type CommitmentState } from '@tracker/domain';
import type { RecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import { recordScenario } from '../testing/scenario.js';
import * as t from '../testing/tracker-commands.js';
import { CommitmentsReader, type CommitmentFilter } from './commitments.reader.js';

describe('CommitmentsReader', () => {
  let harness: ReadModelHarness;
  let clock: Date;
  let records: RecordsReader;
  let commitments: CommitmentsReader;
  let times: Awaited<ReturnType<typeof recordScenario>>;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    times = await recordScenario(harness);
    // Laos completes its part; then the second commitment is retracted.
    await harness.run(t.setStatus('COMPLETE', ['LA']), t.retract(t.ID.secondCommitment));
    clock = new Date('2025-07-15T12:00:00Z');
    records = new RecordsReader(harness.readDb, () => clock);
    commitments = new CommitmentsReader(records);
  });
  afterAll(async () => {
    await harness.close();
  });

  const ids = (filter: CommitmentFilter, asOf?: string) =>
    commitments.list(filter, {}, records.at(asOf)).edges.map((edge) => edge.node.id);

  it('filters by signatory, meeting, theme and date, leaving retracted commitments out unless asked', () => {
    expect(ids({})).toEqual([t.ID.commitment]);
    expect(ids({ includeRetracted: true })).toEqual([t.ID.secondCommitment, t.ID.commitment]);
    expect(ids({ country: 'LA' })).toEqual([t.ID.commitment]);
    expect(ids({ country: 'CN' })).toEqual([]);
    expect(ids({ meeting: t.ID.meeting, includeRetracted: true })).toEqual([
      t.ID.secondCommitment,
      t.ID.commitment,
    ]);
    expect(ids({ theme: 'human TRAFFICKING', includeRetracted: true })).toEqual([t.ID.secondCommitment]);
    expect(ids({ from: '2025-01-21', includeRetracted: true })).toEqual([t.ID.secondCommitment]);
  });

  it("filters by one signatory's implementation status", () => {
    expect(ids({ implementation: 'LIMITED' })).toEqual([t.ID.commitment]);
    expect(ids({ country: 'KH', implementation: 'LIMITED' })).toEqual([t.ID.commitment]);
    expect(ids({ country: 'LA', implementation: 'LIMITED' })).toEqual([]);
    expect(ids({ country: 'LA', implementation: 'COMPLETE' })).toEqual([t.ID.commitment]);
  });

  it('derives overdue per signatory from the deadline and today, as the domain does', () => {
    expect(ids({ overdue: true, country: 'KH' })).toEqual([t.ID.commitment]);
    expect(ids({ overdue: true, country: 'LA' })).toEqual([]); // complete: never overdue
    expect(ids({ overdue: false, country: 'LA' })).toEqual([t.ID.commitment]);
    clock = new Date('2025-06-30T23:59:59Z'); // the deadline's last day: not yet overdue
    expect(ids({ overdue: true })).toEqual([]);
    clock = new Date('2025-07-15T12:00:00Z');
    // The SQL filter and the domain's isOverdue agree on every standing commitment and signatory.
    const all = commitments.list({}, {}, records.at()).edges.map((edge) => edge.node);
    expect(all.length).toBeGreaterThan(0);
    for (const view of all) {
      for (const country of ['KH', 'LA']) {
        const bySql = ids({ overdue: true, country }).includes(view.id);
        expect(bySql).toBe(isOverdue(view.state as CommitmentState, '2025-07-15', country));
      }
    }
  });

  it('answers the same filters as of a past time from the states of then', () => {
    expect(ids({ country: 'LA', implementation: 'NOT_STARTED' }, times.end)).toEqual([t.ID.commitment]);
    expect(ids({ country: 'LA', implementation: 'NOT_STARTED' })).toEqual([]);
    expect(ids({}, times.end)).toEqual([t.ID.secondCommitment, t.ID.commitment]);
    // As of now, both paths agree on every filter.
    const now = harness.recordedUntilNow();
    for (const filter of [
      {},
      { includeRetracted: true },
      { country: 'KH', overdue: true },
      { country: 'LA', implementation: 'COMPLETE' },
      { meeting: t.ID.meeting, overdue: false },
    ] as CommitmentFilter[]) {
      clock = new Date(now);
      expect(ids(filter, now)).toEqual(ids(filter));
    }
    clock = new Date('2025-07-15T12:00:00Z');
  });

  it('gives the records supporting and contradicting a commitment, as of the same time', () => {
    const view = records.get(t.ID.commitment, records.at()) as RecordView<'COMMITMENT'>;
    const evidence = commitments.evidence(view);
    expect(evidence.map(({ link, record }) => [link.relation, record?.id, record?.kind])).toEqual([
      ['SUPPORTS', t.ID.taskForce, 'TASK_FORCE'],
      ['CONTRADICTS', t.ID.detention, 'DETENTION'],
    ]);
    expect(commitments.evidence(view, 'CONTRADICTS').map((e) => e.record?.id)).toEqual([t.ID.detention]);
    expect(evidence[1]!.link.countries).toEqual(['KH']);
  });

  it('counts a signatory that WITHDRAWN as overdue past the deadline, in SQL as in the domain', async () => {
    await harness.run(t.setStatus('WITHDRAWN', ['KH']));
    clock = new Date('2025-07-15T12:00:00Z');
    const view = records.get(t.ID.commitment, records.at()) as RecordView<'COMMITMENT'>;
    expect(
      (view.state as CommitmentState & { implementation: Record<string, string> }).implementation.KH,
    ).toBe('WITHDRAWN');
    expect(isOverdue(view.state as CommitmentState, '2025-07-15', 'KH')).toBe(true);
    expect(ids({ overdue: true, country: 'KH' })).toEqual([t.ID.commitment]);
    expect(ids({ country: 'KH', implementation: 'WITHDRAWN', overdue: true })).toEqual([t.ID.commitment]);
  });
});
