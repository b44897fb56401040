import {
  countriesWithRole,
  derivedImplementation,
  countryCodes,
  DomainError,
  recordIdFromStream,
  recordsDecider,
  type AnyRecordState,
  type RecordCommand,
  type RecordEvent,
  type RecordState,
} from '@tracker/domain';
import type { RecordedEvent } from '@tracker/event-store';
import fc from 'fast-check';
import { CommitmentsReader } from '../commitments/commitments.reader.js';
import { DetentionsReader } from '../detentions/detentions.reader.js';
import type { Connection } from '../paging/page.js';
import { liveOf, stateColumns, type AnyLive } from '../records/record-columns.js';
import type { AnyRecordView } from '../records/record-view.js';
import { RecordsReader } from '../records/records.reader.js';
import type { Snapshot } from '../records/snapshot.js';
import { countryStats } from '../testing/country-oracle.js';
import { figuresSideBySide } from '../testing/figures-oracle.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import * as t from '../testing/tracker-commands.js';
import { CountriesReader } from './countries.reader.js';

/*
 * The materialized per-country model against the oracle: the fold over every record that answered
 * before it was materialized (testing/country-oracle.ts, figures-oracle.ts), here fed from the store's
 * own events folded by the domain's evolve. Random command sequences over every kind (lifecycles,
 * corrections, retractions and their corrections, evidence, assessments, statuses) and, after them, every
 * country's answers now and as of random recording times must be the oracle's.
 */

const IDS = Array.from({ length: 10 }, (_, i) => `7c0f3e1a-2c4d-4e6f-8a1b-${String(i).padStart(12, '0')}`);
/** The meeting every run starts with: a commitment is made at a meeting (or in a statement). */
const MEETING = '7c0f3e1a-2c4d-4e6f-8a1b-0000000000ff';
const COUNTRIES = ['KH', 'LA', 'TH', 'MM'] as const;
const day = (date: string) => ({ type: 'DATE', date, precision: 'DAY' }) as const;

const anyId = fc.constantFrom(...IDS);
const anyCountry = fc.constantFrom(...COUNTRIES);
const anyDay = fc.integer({ min: 0, max: 400 }).map((n) => {
  const date = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
  return date.toISOString().slice(0, 10);
});
const twoCountries = fc.uniqueArray(anyCountry, { minLength: 1, maxLength: 2 });

const create: fc.Arbitrary<RecordCommand> = fc.oneof(
  fc.tuple(anyId, twoCountries, anyDay).map(([recordId, codes, date]) =>
    t.meeting({
      recordId,
      countries: codes.map((code, i) => ({ code, role: i ? 'PARTICIPANT' : 'HOST' })),
      occurred: day(date),
    }),
  ),
  fc
    .tuple(
      anyId,
      twoCountries,
      anyDay,
      fc.option(fc.constantFrom('2024-06', '2024-12', '2025-03'), { nil: null }),
    )
    .map(([recordId, codes, date, deadline]) =>
      t.commitment({
        recordId,
        countries: codes.map((code) => ({ code, role: 'SIGNATORY' })),
        occurred: day(date < '2024-06-01' ? date : '2024-05-01'),
        meetingId: MEETING,
        deadline: deadline && { date: deadline, precision: 'MONTH' },
      }),
    ),
  fc
    .tuple(anyId, anyCountry, anyDay)
    .map(([recordId, code, date]) =>
      t.taskForce({ recordId, countries: [{ code, role: 'ACTING' }], occurred: day(date) }),
    ),
  fc
    .tuple(anyId, anyCountry, anyCountry, anyDay, fc.integer({ min: 1, max: 500 }))
    .map(([recordId, acting, national, date, persons]) =>
      t.arrest({
        recordId,
        countries: [{ code: acting, role: 'ACTING' }],
        occurred: day(date),
        personsArrested: persons,
        nationalities: acting === national ? [] : [{ country: national, count: Math.ceil(persons / 2) }],
      }),
    ),
  fc
    .tuple(anyId, anyCountry, anyDay)
    .map(([recordId, code, date]) =>
      t.detention({ recordId, countries: [{ code, role: 'ACTING' }], occurred: day(date) }),
    ),
  fc
    .tuple(anyId, anyCountry, anyDay)
    .map(([recordId, code, date]) =>
      t.shutdown({ recordId, countries: [{ code, role: 'ACTING' }], occurred: day(date) }),
    ),
  fc
    .tuple(
      anyId,
      anyCountry,
      anyDay,
      fc.constantFrom('websites shut down', 'Websites  Shut Down', 'persons trafficked'),
      fc.constantFrom('OFFICIAL', 'INDEPENDENT'),
    )
    .map(([recordId, code, date, indicator, provenance]) =>
      t.officialFigure({
        recordId,
        countries: [{ code, role: 'SCOPE' }],
        occurred: day(date),
        indicator,
        provenance,
      }),
    ),
  fc
    .tuple(anyId, anyCountry, anyDay)
    .map(([recordId, code, date]) =>
      t.statement({ recordId, countries: [{ code, role: 'ACTING' }], occurred: day(date) }),
    ),
  // Actors (with a home country or none) and allegations between them: named by records, but not counted
  // as records of a country.
  fc.tuple(anyId, fc.option(anyCountry, { nil: null }), anyDay).map(([recordId, code, date]) =>
    t.on(recordId, 'RecordActor', {
      countries: code ? [{ code, role: 'HOME' }] : [],
      occurred: day(date),
      sources: [t.SOURCE],
      confidence: 'REPORTED',
      actorType: 'GOVERNMENT_BODY',
      name: `Agency ${recordId.slice(-2)}`,
      names: [],
      aliases: [],
    }),
  ),
  fc.tuple(anyId, anyId, anyId, anyCountry, anyDay).map(([recordId, by, about, code, date]) =>
    t.on(recordId, 'RecordAllegation', {
      countries: [{ code, role: 'SCOPE' }],
      occurred: day(date),
      sources: [t.SOURCE],
      confidence: 'REPORTED',
      allegedBy: by,
      about: [about],
      claim: 'Lets closed compounds reopen',
    }),
  ),
  fc.tuple(anyId, anyCountry, anyDay, anyId).map(([recordId, code, date, claimantId]) =>
    t.independentFigure({
      recordId,
      countries: [{ code, role: 'SCOPE' }],
      occurred: day(date),
      claimantId,
      // Disputing nothing: the builder's default disputes a figure these runs do not record.
      disputes: null,
    }),
  ),
);

const change: fc.Arbitrary<RecordCommand> = fc.oneof(
  fc.tuple(anyId, anyDay).map(([id, date]) => t.correct(id, { occurred: day(date) })),
  fc
    .tuple(anyId, twoCountries)
    .map(([id, codes]) => t.correct(id, { countries: codes.map((code) => ({ code, role: 'SIGNATORY' })) })),
  fc.tuple(anyId, anyCountry).map(([id, code]) => t.correct(id, { countries: [{ code, role: 'ACTING' }] })),
  fc
    .tuple(anyId, fc.integer({ min: 1, max: 900 }))
    .map(([id, n]) => t.correct(id, { personsArrested: n, value: n })),
  fc
    .tuple(anyId, fc.constantFrom('persons trafficked', 'scam revenue'))
    .map(([id, indicator]) => t.correct(id, { indicator })),
  anyId.map((id) => t.retract(id)),
  fc.tuple(anyId, fc.boolean()).map(([id, reinstate]) =>
    t.on(id, 'CorrectRetraction', {
      reason: 'Reviewed',
      reinstate,
      retractionReason: reinstate ? null : 'Other',
    }),
  ),
  fc
    .tuple(
      anyId,
      fc.constantFrom('NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN'),
      anyCountry,
    )
    .map(([id, status, code]) => t.setStatus(status, [code], id)),
  fc
    .tuple(
      anyId,
      anyId,
      fc.constantFrom('SUPPORTS', 'CONTRADICTS') as fc.Arbitrary<'SUPPORTS' | 'CONTRADICTS'>,
    )
    .map(([commitment, evidence, relation]) => t.linkEvidence(evidence, relation, commitment)),
  fc
    .tuple(anyId, anyId)
    .map(([commitment, evidence]) =>
      t.on(commitment, 'UnlinkEvidence', { evidenceId: evidence, reason: 'Linked in error' }),
    ),
  fc
    .tuple(anyId, fc.constantFrom('2025-01-12', '2025-02-01'))
    .map(([id, date]) => t.charge(id as never, date)),
  fc.tuple(anyId, fc.constantFrom('2025-01-20', '2025-02-10')).map(([id, date]) => t.release(id, date)),
  fc
    .tuple(anyId, fc.constantFrom('2025-01-15', '2025-02-15'))
    .map(([id, date]) => t.on(id, 'ReleaseDetentionOnBail', { on: day(date), sources: [t.SOURCE] })),
  fc.tuple(anyId, anyId).map(([id, into]) => t.on(id, 'MergeActor', { into, reason: 'The same body' })),
  fc
    .tuple(anyId, anyId, fc.constantFrom('DENIES', 'CORROBORATES', 'REFUTES'))
    .map(([id, evidenceId, relation]) => t.on(id, 'LinkAllegationEvidence', { evidenceId, relation })),
  anyId.map((id) =>
    t.on(id, 'DissolveTaskForce', { on: { date: '2025-02-20', precision: 'DAY' }, sources: [t.SOURCE] }),
  ),
  fc
    .tuple(anyId, fc.uuid({ version: 4 }), fc.option(anyCountry, { nil: null }))
    .map(([id, assessmentId, country]) =>
      t.on(id, 'AssessCommitment', {
        assessmentId,
        assessor: 'Licadho',
        country,
        rating: 'LIMITED',
        rationale: 'Some action',
        sources: [t.SOURCE],
        assessedOn: '2025-02-25',
      }),
    ),
);

/** Evidence that supports a commitment, then loses its standing (and may get it back): a derived status. */
const supportThenRetract: fc.Arbitrary<RecordCommand[]> = fc
  .tuple(anyId, anyId, fc.boolean())
  .map(([commitment, evidence, reinstate]) => [
    t.linkEvidence(evidence, 'SUPPORTS', commitment),
    t.retract(evidence),
    ...(reinstate
      ? [t.on(evidence, 'CorrectRetraction', { reason: 'Reviewed', reinstate: true, retractionReason: null })]
      : []),
  ]);

const scenario = fc
  .array(
    fc.oneof(
      { arbitrary: create.map((command) => [command]), weight: 4 },
      { arbitrary: change.map((command) => [command]), weight: 5 },
      { arbitrary: supportThenRetract, weight: 1 },
    ),
    { minLength: 5, maxLength: 40 },
  )
  .map((steps) => steps.flat());

/** Every record as the store's events make it up to `until` (inclusive), as views at `at`. */
function oracleViews(events: readonly RecordedEvent[], until: number, at: Snapshot): AnyRecordView[] {
  const states = new Map<
    string,
    { state: AnyRecordState & { kind: string }; last: RecordedEvent; first: RecordedEvent }
  >();
  for (const event of events.slice(0, until + 1)) {
    const id = recordIdFromStream(event.stream);
    if (id === undefined) continue;
    const current = states.get(id);
    const next = recordsDecider.evolve(current?.state ?? recordsDecider.initialState(), {
      type: event.type,
      data: event.data,
    } as RecordEvent);
    if (next.kind === undefined) continue;
    states.set(id, {
      state: next as AnyRecordState & { kind: string },
      last: event,
      first: current?.first ?? event,
    });
  }
  const views = [...states].map(([id, { state, last, first }]) => {
    const inner = (state as unknown as { state: RecordState<AnyLive> }).state;
    const columns = stateColumns(state.kind as never, inner);
    return {
      id,
      kind: state.kind,
      state: inner,
      live: liveOf(inner),
      retracted: columns.retracted === 1,
      countries: JSON.parse(columns.countries),
      occurredStart: columns.occurred_start,
      occurredEnd: columns.occurred_end,
      recordedAt: first.recordedAt.toISOString(),
      position: last.position,
      asOf: at.asOf,
      today: at.today,
    } as unknown as AnyRecordView;
  });
  // A commitment's automatic LIMITED holds while a supporting record stands (domain.md).
  const standing = new Set(views.filter((view) => !view.retracted).map((view) => view.id));
  return views.map((view) => {
    if (view.kind !== 'COMMITMENT') return view;
    const implementation = derivedImplementation(view.live, (id) => standing.has(id));
    return { ...view, live: { ...view.live, implementation } } as AnyRecordView;
  });
}

const newestFirst = (views: AnyRecordView[]) =>
  [...views].sort((a, b) =>
    a.occurredStart !== b.occurredStart ? (a.occurredStart < b.occurredStart ? 1 : -1) : a.id < b.id ? 1 : -1,
  );
const ids = (connection: Connection<{ id: string }>) => connection.edges.map((edge) => edge.node.id);
const involves = (view: AnyRecordView, code: string, role?: string) =>
  role === undefined
    ? countryCodes(view.countries).includes(code)
    : countriesWithRole(view.countries, role as never).includes(code);

describe('The materialized per-country model', () => {
  it('answers as the fold over every record does, now and as of any recording time', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        async (commands, picks) => {
          const harness = new ReadModelHarness();
          try {
            await harness.run(
              t.meeting({
                recordId: MEETING,
                countries: [
                  { code: 'KH', role: 'HOST' },
                  { code: 'LA', role: 'PARTICIPANT' },
                ],
                occurred: day('2024-01-01'),
              }),
            );
            for (const command of commands) {
              try {
                await harness.run(command);
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
              }
            }
            const events = await harness.store.readAll();
            const clock = new Date('2025-01-31T12:00:00Z');
            const records = new RecordsReader(harness.readDb, () => clock);
            const countries = new CountriesReader(harness.readDb, records);
            const commitments = new CommitmentsReader(records);
            const detentions = new DetentionsReader(records);

            const moments: { at: Snapshot; until: number }[] = [
              { at: records.at(), until: events.length - 1 },
            ];
            for (const pick of events.length > 0 ? picks : []) {
              const index = pick % events.length;
              // Every event recorded at that time is in: the harness records one command a minute.
              let until = index;
              while (
                until + 1 < events.length &&
                +events[until + 1]!.recordedAt === +events[index]!.recordedAt
              )
                until++;
              moments.push({ at: records.at(events[index]!.recordedAt.toISOString()), until });
            }
            for (const { at, until } of moments) {
              const views = oracleViews(events, until, at);
              // An actor's HOME is where it is based, not a record of that country (README: "Actors and
              // allegations"): the countries answer for every other kind.
              const recordsOfCountries = views.filter((view) => view.kind !== 'ACTOR');
              const codes = [
                ...new Set(recordsOfCountries.flatMap((view) => countryCodes(view.countries))),
              ].sort();
              expect(
                countries
                  .list(at)
                  .map((c) => [c.code, c.recordCount])
                  .sort(),
              ).toEqual(
                codes.map((code) => [code, recordsOfCountries.filter((view) => involves(view, code)).length]),
              );
              expect(ids(records.list({}, { first: 100 }, at))).toEqual(newestFirst(views).map((v) => v.id));

              for (const code of codes) {
                const mine = recordsOfCountries.filter((view) => involves(view, code));
                expect(countries.stats(code, at)).toEqual(countryStats(mine, code, at.today));

                const timeline = countries.timeline(code, {}, { first: 100 }, at);
                expect(ids(timeline)).toEqual(newestFirst(mine).map((v) => v.id));
                expect(timeline.totalCount).toBe(mine.length);
                const arrests = countries.timeline(
                  code,
                  { kinds: ['ARREST', 'DETENTION'] },
                  { first: 3 },
                  at,
                );
                const expectedArrests = newestFirst(
                  mine.filter((v) => v.kind === 'ARREST' || v.kind === 'DETENTION'),
                );
                expect(ids(arrests)).toEqual(expectedArrests.slice(0, 3).map((v) => v.id));
                expect(arrests.totalCount).toBe(expectedArrests.length);

                const figures = countries.figures(code, undefined, { first: 100 }, at);
                expect(
                  figures.edges.map(({ node }) => ({
                    indicator: node.indicator,
                    official: ids(countries.figuresOf(node, 'OFFICIAL', { first: 100 }, at)),
                    independent: ids(countries.figuresOf(node, 'INDEPENDENT', { first: 100 }, at)),
                    counts: [
                      countries.figuresOf(node, 'OFFICIAL', { first: 0 }, at).totalCount,
                      countries.figuresOf(node, 'INDEPENDENT', { first: 0 }, at).totalCount,
                    ],
                  })),
                ).toEqual(
                  figuresSideBySide(mine, code).map((group) => ({
                    indicator: group.indicator,
                    official: group.official.map((v) => v.id),
                    independent: group.independent.map((v) => v.id),
                    counts: [group.official.length, group.independent.length],
                  })),
                );

                const signed = mine.filter(
                  (v) => v.kind === 'COMMITMENT' && !v.retracted && involves(v, code, 'SIGNATORY'),
                ) as (AnyRecordView & { kind: 'COMMITMENT' })[];
                const statusOf = (v: (typeof signed)[number]) => v.live.implementation[code] ?? 'NO_EVIDENCE';
                expect(ids(commitments.list({ country: code }, { first: 100 }, at))).toEqual(
                  newestFirst(signed).map((v) => v.id),
                );
                expect(
                  ids(commitments.list({ country: code, implementation: 'LIMITED' }, { first: 100 }, at)),
                ).toEqual(newestFirst(signed.filter((v) => statusOf(v) === 'LIMITED')).map((v) => v.id));
                const overdue = commitments.list({ country: code, overdue: true }, { first: 100 }, at);
                expect(overdue.totalCount).toBe(countries.stats(code, at).overdueCommitments);

                const held = mine.filter(
                  (v) => v.kind === 'DETENTION' && !v.retracted && involves(v, code, 'ACTING'),
                ) as (AnyRecordView & { kind: 'DETENTION' })[];
                expect(ids(detentions.list({ countries: [code], open: true }, { first: 100 }, at))).toEqual(
                  newestFirst(held.filter((v) => v.live.inCustody)).map((v) => v.id),
                );
              }
              for (const view of views) {
                expect(records.get(view.id, at)).toMatchObject({
                  state: view.state,
                  position: view.position,
                  recordedAt: view.recordedAt,
                });
              }
            }
          } finally {
            await harness.close();
          }
        },
      ),
      { numRuns: Number(process.env.EQUIVALENCE_RUNS ?? 60) },
    );
  }, 240_000);
});
