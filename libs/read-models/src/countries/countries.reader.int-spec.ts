import { InvalidQueryArgumentError, ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { RecordsReader } from '../records/records.reader.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import { recordScenario, RETRACTED_MEETING } from '../testing/scenario.js';
import * as t from '../testing/tracker-commands.js';
import { CountriesReader } from './countries.reader.js';

describe('CountriesReader', () => {
  let harness: ReadModelHarness;
  let times: Awaited<ReturnType<typeof recordScenario>>;
  let clock: Date;
  let records: RecordsReader;
  let countries: CountriesReader;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    times = await recordScenario(harness);
    clock = new Date('2025-06-30T12:00:00Z');
    records = new RecordsReader(harness.readDb, () => clock);
    countries = new CountriesReader(harness.readDb, records);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('lists every country of any record with its English and local names', () => {
    const list = countries.list(records.at());
    // By English name: Cambodia, Lao People's Democratic Republic, People's Republic of China.
    expect(list.map((c) => c.code)).toEqual(['KH', 'LA', 'CN']);
    expect(list[0]).toMatchObject({
      code: 'KH',
      name: 'Cambodia',
      localNames: [{ locale: 'km', name: 'កម្ពុជា' }],
    });
    expect(list.find((c) => c.code === 'LA')?.recordCount).toBe(5);
  });

  it('answers NOT_FOUND for a country in no record, BAD_USER_INPUT for a code that is not ISO', () => {
    expect(() => countries.profile('FR', records.at())).toThrow(ReadModelNotFoundError);
    expect(() => countries.profile('XX', records.at())).toThrow(InvalidQueryArgumentError);
    expect(() => countries.profile('Cambodia', records.at())).toThrow(InvalidQueryArgumentError);
    expect(countries.profile('kh', records.at())).toMatchObject({
      code: 'KH',
      name: 'Cambodia',
      today: '2025-06-30',
    });
  });

  it("computes Cambodia's stats, retracted records counting nowhere", () => {
    expect(countries.stats('KH', records.at())).toEqual({
      meetingsAttended: 1, // the retracted meeting is left out
      commitments: 2,
      commitmentsByImplementation: [
        { status: 'NO_EVIDENCE', count: 1 },
        { status: 'NOT_STARTED', count: 0 },
        { status: 'LIMITED', count: 1 },
        { status: 'SUBSTANTIAL', count: 0 },
        { status: 'COMPLETE', count: 0 },
        { status: 'WITHDRAWN', count: 0 },
      ],
      overdueCommitments: 0,
      activeTaskForces: 1,
      arrestOperations: 1,
      personsArrested: 250,
      nationalsArrestedElsewhere: 7,
      openDetentionCases: 1,
      journalistsDetained: 2,
      // 2025-01-10 to today (171 days), and 2025-02-01 to 2025-02-05 (4 days).
      detentionDays: 171 + 4,
      shutdownOperations: 1,
      shutdownsByPeriod: [
        expect.objectContaining({
          recordId: t.ID.shutdown,
          startDay: '2021-01-01',
          endDay: '2025-01-31',
          count: 18000,
          target: 'WEBSITES',
        }),
      ],
    });
    expect(countries.stats('LA', records.at())).toMatchObject({
      meetingsAttended: 1,
      commitments: 1,
      personsArrested: 50,
      nationalsArrestedElsewhere: 30,
      journalistsDetained: 0,
    });
  });

  it('derives overdue commitments from the deadline and today, never from stored state', () => {
    clock = new Date('2025-06-30T12:00:00Z');
    expect(countries.stats('KH', records.at()).overdueCommitments).toBe(0);
    clock = new Date('2025-07-01T00:00:00Z');
    expect(countries.stats('KH', records.at()).overdueCommitments).toBe(1);
    expect(countries.stats('LA', records.at()).overdueCommitments).toBe(1);
    clock = new Date('2025-06-30T12:00:00Z');
  });

  it('gives the stats as of a recording time: before the correction, with what was retracted later', () => {
    const before = countries.stats('KH', records.at(times.beforeCorrections));
    expect(before).toMatchObject({ meetingsAttended: 2, personsArrested: 200 });
    // Days in custody as the tracker counted them on that day (2025-03-01).
    expect(before.detentionDays).toBe(50 + 4);
    expect(countries.stats('KH', records.at(times.end))).toEqual(
      countries.stats('KH', { asOf: undefined, today: times.end.slice(0, 10) }),
    );
  });

  it("lists Cambodia's timeline newest first, by kind and date range, in pages, retracted records flagged", () => {
    const all = countries.timeline('KH', {}, { first: 100 }, records.at());
    expect(all.totalCount).toBe(13);
    expect(all.edges[0]!.node.id).toBe(t.ID.laoArrest);
    expect(all.edges.find((edge) => edge.node.id === RETRACTED_MEETING)?.node.retracted).toBe(true);

    const detentions = countries.timeline('KH', { kinds: ['DETENTION'] }, {}, records.at());
    expect(detentions.edges.map((edge) => edge.node.id)).toEqual([t.ID.secondDetention, t.ID.detention]);

    const february = countries.timeline(
      'KH',
      { from: '2025-02-01', to: '2025-02-28' },
      { first: 3 },
      records.at(),
    );
    expect(february.totalCount).toBe(6);
    const next = countries.timeline(
      'KH',
      { from: '2025-02-01', to: '2025-02-28' },
      { first: 3, after: february.pageInfo.endCursor },
      records.at(),
    );
    expect(next.edges.map((edge) => edge.node.id)).toEqual([
      t.ID.independentFigure,
      t.ID.secondDetention,
      t.ID.officialFigure,
    ]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it("puts Cambodia's figures official and independent side by side per indicator", () => {
    const figures = (code: string, indicator?: string) =>
      countries.figures(code, indicator, {}, records.at()).edges.map((edge) => edge.node);
    const [websites, ...others] = figures('KH');
    expect(others).toEqual([]);
    expect(websites!.indicator).toBe('websites shut down');
    const side = (provenance: 'OFFICIAL' | 'INDEPENDENT') =>
      countries
        .figuresOf(websites!, provenance, {}, records.at())
        .edges.map(({ node }) => [node.live.fields.claimant, node.live.fields.value]);
    expect(side('OFFICIAL')).toEqual([['Cambodian government', 18000]]);
    expect(side('INDEPENDENT')).toEqual([['Independent researchers', 13000]]);
    expect(figures('KH', '  Websites  Shut down')).toHaveLength(1);
    expect(figures('KH', 'persons trafficked')).toEqual([]);
    expect(figures('LA')).toEqual([]);
    expect(countries.figures('KH', undefined, {}, records.at()).totalCount).toBe(1);
  });
});
