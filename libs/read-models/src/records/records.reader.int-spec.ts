import { InvalidQueryArgumentError, ReadModelNotFoundError } from '../errors/read-model-errors.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import { recordScenario, RETRACTED_MEETING } from '../testing/scenario.js';
import * as t from '../testing/tracker-commands.js';
import type { AnyRecordView } from './record-view.js';
import { RecordsReader } from './records.reader.js';

const today = () => new Date('2025-07-15T12:00:00Z');
const ids = (views: readonly { node: AnyRecordView }[]) => views.map((edge) => edge.node.id);

describe('RecordsReader', () => {
  let harness: ReadModelHarness;
  let reader: RecordsReader;
  let times: Awaited<ReturnType<typeof recordScenario>>;

  beforeAll(async () => {
    harness = new ReadModelHarness();
    times = await recordScenario(harness);
    reader = new RecordsReader(harness.readDb, today);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('reads one record with its state, audit fields and the day derived answers use', () => {
    const view = reader.get(t.ID.detention, reader.at());
    expect(view).toMatchObject({
      id: t.ID.detention,
      kind: 'DETENTION',
      retracted: false,
      countries: [{ code: 'KH', role: 'ACTING' }],
      occurredStart: '2025-01-10',
      recordedBy: 'tester',
      updatedBy: 'tester',
      today: '2025-07-15',
      live: { status: 'CHARGED', inCustody: true, fields: { charges: ['incitement'] } },
    });
    expect(view.updatedAt > view.recordedAt).toBe(true);
    expect(view.asOf).toBeUndefined();
  });

  it('keeps a retracted record readable, with its reason and what it was', () => {
    expect(reader.get(t.ID.statement, reader.at())).toMatchObject({
      retracted: true,
      retractionReason: 'Not substantiated',
      live: { status: 'recorded', fields: { speaker: 'Hun Manet' } },
    });
  });

  it('answers NOT_FOUND for an unknown id', () => {
    expect(() => reader.get('5b0f3e1a-2c4d-4e6f-8a1b-999999999999', reader.at())).toThrow(
      ReadModelNotFoundError,
    );
  });

  it('reads a record as of a recording time: before and after its correction, and not before it existed', () => {
    const before = reader.get(t.ID.arrest, reader.at(times.beforeCorrections));
    const after = reader.get(t.ID.arrest, reader.at(times.end));
    expect(before).toMatchObject({
      live: { fields: { personsArrested: 200 } },
      asOf: times.beforeCorrections,
    });
    expect(after).toMatchObject({ live: { fields: { personsArrested: 250 } } });
    // "As of" answers what the tracker said then, on that day.
    expect(before.today).toBe(times.beforeCorrections.slice(0, 10));
    expect(reader.get(t.ID.statement, reader.at(times.beforeCorrections)).retracted).toBe(false);
    expect(() => reader.get(t.ID.meeting, reader.at('2025-03-01T09:00:00.000Z'))).toThrow(
      ReadModelNotFoundError,
    );
  });

  it('gives the same view as of now as the current view', () => {
    const now = reader.list({}, { first: 100 }, reader.at()).edges.map((edge) => edge.node);
    const asOf = reader.list({}, { first: 100 }, reader.at(times.end)).edges.map((edge) => edge.node);
    expect(now).toHaveLength(13);
    const strip = (views: AnyRecordView[]) => views.map(({ asOf: _asOf, today: _today, ...rest }) => rest);
    expect(strip(asOf)).toEqual(strip(now));
  });

  it('lists records newest first by occurrence, filtered by kind, country, date range and retraction', () => {
    const page = reader.list({}, { first: 100 }, reader.at());
    expect(page.totalCount).toBe(13);
    const starts = page.edges.map((edge) => edge.node.occurredStart);
    expect(starts).toEqual([...starts].sort().reverse());

    const byKind = reader.list({ kinds: ['DETENTION', 'ARREST'] }, {}, reader.at());
    expect(new Set(byKind.edges.map((edge) => edge.node.kind))).toEqual(new Set(['DETENTION', 'ARREST']));
    expect(byKind.totalCount).toBe(4);

    const lao = reader.list({ countries: ['la'] }, {}, reader.at());
    expect(ids(lao.edges).sort()).toEqual(
      [t.ID.meeting, RETRACTED_MEETING, t.ID.commitment, t.ID.arrest, t.ID.laoArrest].sort(),
    );

    // The shutdown runs 2021 to January 2025: it overlaps February 2021.
    const early = reader.list({ from: '2021-02-01', to: '2021-02-28' }, {}, reader.at());
    expect(ids(early.edges)).toEqual([t.ID.shutdown]);

    const retracted = reader.list({ retracted: true }, {}, reader.at());
    expect(ids(retracted.edges).sort()).toEqual([t.ID.statement, RETRACTED_MEETING].sort());
  });

  it('pages with opaque cursors until the end, never repeating or skipping a record', () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = reader.list({}, { first: 4, after }, reader.at());
      expect(page.totalCount).toBe(13);
      seen.push(...ids(page.edges));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(ids(reader.list({}, { first: 100 }, reader.at()).edges));
  });

  it(`refuses a page over 100, a negative one, a foreign cursor and a malformed date, naming the argument`, () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error('not refused');
    };
    expect(refusal(() => reader.list({}, { first: 101 }, reader.at()))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
    expect(refusal(() => reader.list({}, { first: -1 }, reader.at()))).toBeInstanceOf(
      InvalidQueryArgumentError,
    );
    expect(refusal(() => reader.list({}, { after: 'bm90IGEgY3Vyc29y' }, reader.at()))).toMatchObject({
      argument: 'after',
    });
    expect(refusal(() => reader.list({ from: '2025-13-01' }, {}, reader.at()))).toMatchObject({
      argument: 'from',
    });
    expect(refusal(() => reader.at('yesterday'))).toMatchObject({ argument: 'asOf' });
    expect(reader.list({}, { first: 100 }, reader.at()).edges).toHaveLength(13);
  });
});
