import { detentionDays } from '@tracker/domain';
import { RecordsReader } from '../records/records.reader.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import { recordScenario } from '../testing/scenario.js';
import * as t from '../testing/tracker-commands.js';
import { DetentionsReader } from './detentions.reader.js';

describe('DetentionsReader', () => {
  let harness: ReadModelHarness;
  let records: RecordsReader;
  let detentions: DetentionsReader;
  let times: Awaited<ReturnType<typeof recordScenario>>;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    times = await recordScenario(harness);
    records = new RecordsReader(harness.readDb, () => new Date('2025-03-31T12:00:00Z'));
    detentions = new DetentionsReader(records);
  });
  afterAll(async () => {
    await harness.close();
  });

  const ids = (filter: Parameters<DetentionsReader['list']>[0], asOf?: string) =>
    detentions.list(filter, {}, records.at(asOf)).edges.map((edge) => edge.node.id);

  it('lists open cases (persons in custody now) and closed ones, by detaining country', () => {
    expect(ids({})).toEqual([t.ID.secondDetention, t.ID.detention]);
    expect(ids({ open: true })).toEqual([t.ID.detention]);
    expect(ids({ open: false })).toEqual([t.ID.secondDetention]);
    expect(ids({ countries: ['KH'], open: true })).toEqual([t.ID.detention]);
    expect(ids({ countries: ['LA'] })).toEqual([]);
    const [open] = detentions.list({ open: true }, {}, records.at()).edges;
    expect(detentionDays(open!.node.state, open!.node.today)).toBe(80);
  });

  it('sees cases as they stood at a past recording time', async () => {
    await harness.run(t.release(t.ID.detention, '2025-02-20'));
    expect(ids({ open: true })).toEqual([]);
    expect(ids({ open: true }, times.end)).toEqual([t.ID.detention]);
  });
});
