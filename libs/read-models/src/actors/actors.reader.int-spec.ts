import { jest } from '@jest/globals';
import { actorFields, allegationFields } from '@tracker/domain/testing';
import { RecordsReader } from '../records/records.reader.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import * as t from '../testing/tracker-commands.js';
import { ActorsReader } from './actors.reader.js';

const actorId = (n: number) => `6d0f3e1a-2c4d-4e6f-8a1b-${String(n).padStart(12, '0')}`;
const recordId = (n: number) => `6e0f3e1a-2c4d-4e6f-8a1b-${String(n).padStart(12, '0')}`;
const day = (n: number) => ({
  type: 'DATE',
  date: `2024-01-${String(1 + (n % 28)).padStart(2, '0')}`,
  precision: 'DAY',
});

describe('ActorsReader.recordsNaming', () => {
  let harness: ReadModelHarness;
  let reader: ActorsReader;
  /** Every record naming actor 1, 2 or 3, newest first: the order any paging must give. */
  let expected: string[];

  beforeAll(async () => {
    harness = new ReadModelHarness();
    reader = new ActorsReader(harness.readDb, new RecordsReader(harness.readDb));
    for (const n of [1, 2, 3, 4]) {
      await harness.run(t.on(actorId(n), 'RecordActor', { ...actorFields, name: `Actor ${n}` }));
    }
    // Figures claimed by actors 1 to 4 in turn, on days that interleave them.
    const named: { id: string; day: string }[] = [];
    for (let n = 0; n < 24; n++) {
      const claimant = actorId(1 + (n % 4));
      await harness.run(
        t.independentFigure({
          recordId: recordId(n),
          occurred: day(n),
          claimantId: claimant,
          disputes: null,
        }),
      );
      if (n % 4 !== 3) named.push({ id: recordId(n), day: day(n).date });
    }
    // One record naming two of them (actor 1 alleges against actor 2): listed once.
    const allegation = recordId(100);
    await harness.run(
      t.on(allegation, 'RecordAllegation', {
        ...allegationFields,
        occurred: day(5),
        allegedBy: actorId(1),
        about: [actorId(2)],
      }),
    );
    named.push({ id: allegation, day: day(5).date });
    expected = named
      .sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.id < b.id ? 1 : -1))
      .map((row) => row.id);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('pages through the records naming several actors, newest first, each once, to the last', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page = reader.recordsNaming(
        { actors: [actorId(1), actorId(2), actorId(3)] },
        { first: 4, after },
      );
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("narrows each actor's walk by the filter's other conditions", () => {
    const figures = reader.recordsNaming(
      { actors: [actorId(1), actorId(2)], kinds: ['ALLEGATION'] },
      { first: 10 },
    );
    expect(figures.edges.map((edge) => edge.node.id)).toEqual([recordId(100)]);
    expect(figures.totalCount).toBe(1);
  });

  it("walks each actor's references in index order: no sort of every reference of them all", () => {
    const prepared: string[] = [];
    const prepare = harness.readDb.prepare.bind(harness.readDb);
    const spy = jest.spyOn(harness.readDb, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
    try {
      reader.recordsNaming({ actors: [actorId(1), actorId(2)], kinds: ['FIGURE'] }, { first: 3 });
    } finally {
      spy.mockRestore();
    }
    const pageQueries = prepared.filter(
      (sql) => sql.includes('FROM actor_references') && sql.includes('LIMIT'),
    );
    expect(pageQueries.length).toBeGreaterThan(0);
    for (const sql of pageQueries) {
      const plan = harness.readDb
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail);
      expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    }
  });
});
