import { fold, recordsDecider, recordStreamName, type RecordEvent } from '@tracker/domain';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { firstValueFrom, take, toArray } from 'rxjs';
import { openReadModel } from '../read-db/open-read-model.js';
import type { ChangeNotice } from '../runner/projection.js';
import { ReadModelHarness } from '../testing/read-model-harness.js';
import * as t from '../testing/tracker-commands.js';
import { recordAt } from '../records/record-at.js';
import { RecordsProjection } from './records.projection.js';

const TABLES = {
  records: 'id',
  record_history: 'seq',
  country_records: 'record_id, country, from_seq',
  country_stats: 'country, seq',
  country_keyed_counts: 'country, counter, key',
  country_keyed_history: 'country, counter, key, seq',
};

/** Every projected table, in a stable order: two read DBs are equal when their dumps are. */
function dump(db: DatabaseSync) {
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, order]) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all(),
    ]),
  );
}

/** A scenario touching every kind, lifecycle steps, evidence, statuses, a correction and a retraction. */
async function recordScenario(harness: ReadModelHarness) {
  await harness.run(
    t.meeting(),
    t.commitment(),
    t.taskForce(),
    t.arrest(),
    t.detention(),
    t.shutdown(),
    t.officialFigure(),
    t.independentFigure(),
    t.statement(),
    t.charge(),
    t.linkEvidence(t.ID.taskForce, 'SUPPORTS'),
    t.linkEvidence(t.ID.detention, 'CONTRADICTS'),
    t.on(t.ID.commitment, 'UnlinkEvidence', { evidenceId: t.ID.detention, reason: 'Linked in error' }),
    t.setStatus('SUBSTANTIAL', ['KH']),
    t.correct(t.ID.arrest, { personsArrested: 250 }),
    t.retract(t.ID.statement),
  );
}

describe('RecordsProjection', () => {
  let harness: ReadModelHarness;

  beforeEach(() => {
    harness = new ReadModelHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it("keeps each record's state exactly as the domain folds its stream", async () => {
    await recordScenario(harness);
    const rows = harness.readDb.db.prepare('SELECT id, kind, state, revision FROM records').all() as {
      id: string;
      kind: string;
      state: string;
      revision: number;
    }[];
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const stream = await harness.store.readStream(recordStreamName(row.id));
      const folded = fold(
        recordsDecider,
        stream.map(({ type, data }) => ({ type, data }) as RecordEvent),
      );
      expect({ kind: row.kind, state: JSON.parse(row.state) }).toEqual(folded);
      expect(row.revision).toBe(stream.length - 1);
    }
  });

  it('derives the columns queries sort and filter on, and keeps retracted records with their reason', async () => {
    await recordScenario(harness);
    const db = harness.readDb.db;
    expect(db.prepare('SELECT * FROM records WHERE id = ?').get(t.ID.shutdown)).toMatchObject({
      kind: 'SHUTDOWN',
      status: 'reported',
      retracted: 0,
      country_codes: ',KH,',
      occurred_start: '2021-01-01',
      occurred_end: '2025-01-31',
      created_by: 'tester',
    });
    expect(db.prepare('SELECT * FROM records WHERE id = ?').get(t.ID.commitment)).toMatchObject({
      due_day: '2025-06-30',
      meeting_id: t.ID.meeting,
      theme: 'online scams',
    });
    expect(db.prepare('SELECT * FROM records WHERE id = ?').get(t.ID.statement)).toMatchObject({
      status: 'recorded',
      retracted: 1,
      retraction_reason: 'Not substantiated',
    });
    // Nationalities of an arrest are NATIONALS_AFFECTED countries of the record (added by the domain),
    // and the record is filed under each of its countries and under '*' (the whole tracker).
    expect(
      db
        .prepare(
          'SELECT country, roles FROM country_records WHERE record_id = ? AND to_seq IS NULL ORDER BY country',
        )
        .all(t.ID.arrest),
    ).toEqual([
      { country: '*', roles: '' },
      { country: 'CN', roles: ',NATIONALS_AFFECTED,' },
      { country: 'KH', roles: ',ACTING,' },
      { country: 'LA', roles: ',NATIONALS_AFFECTED,' },
    ]);
    expect(
      db
        .prepare(
          `SELECT country, implementation FROM country_records
           WHERE record_id = ? AND to_seq IS NULL AND implementation IS NOT NULL ORDER BY country`,
        )
        .all(t.ID.commitment),
    ).toEqual([
      { country: 'KH', implementation: 'SUBSTANTIAL' },
      // The task force is Cambodia's: its SUPPORTS link moved only Cambodia off NO_EVIDENCE.
      { country: 'LA', implementation: 'NO_EVIDENCE' },
    ]);
    // Each status Cambodia's row went through is a version of it, closed when the next began.
    expect(
      db
        .prepare(
          `SELECT implementation, to_seq IS NULL AS current FROM country_records
           WHERE record_id = ? AND country = 'KH' ORDER BY from_seq`,
        )
        .all(t.ID.commitment),
    ).toEqual([
      { implementation: 'NO_EVIDENCE', current: 0 },
      { implementation: 'LIMITED', current: 0 },
      { implementation: 'SUBSTANTIAL', current: 1 },
    ]);
  });

  it('keeps every event in the history, with its actor, and the state after it (kept every 16 events)', async () => {
    await recordScenario(harness);
    const all = await harness.store.readAll();
    const history = harness.readDb.db
      .prepare('SELECT seq, id, position, event_type, actor FROM record_history ORDER BY seq')
      .all() as { seq: number; id: string; position: string; event_type: string; actor: string }[];
    expect(history.map((h) => [h.position, h.event_type])).toEqual(all.map((e) => [e.position, e.type]));
    expect(history.every((h) => h.actor === 'tester')).toBe(true);
    const arrest = history.filter((h) => h.id === t.ID.arrest);
    const states = arrest.map((h) => JSON.parse(recordAt(harness.readDb, t.ID.arrest, h.seq)!.state));
    expect(states.map((state) => state.fields.personsArrested)).toEqual([200, 250]);

    // A record with a long life: its state is kept every 16 events, and any past state is still exact.
    const notes = Array.from({ length: 40 }, (_, i) =>
      t.on(t.ID.detention, 'AddDetentionNote', {
        on: { date: '2025-02-20', precision: 'DAY' },
        category: 'OTHER',
        note: `Note ${i}`,
        sources: [t.SOURCE],
      }),
    );
    await harness.run(...notes);
    const rows = harness.readDb.db
      .prepare(
        'SELECT seq, revision, state IS NOT NULL AS kept FROM record_history WHERE id = ? ORDER BY seq',
      )
      .all(t.ID.detention) as { seq: number; revision: number; kept: number }[];
    expect(rows.filter((row) => row.kept === 1).map((row) => row.revision)).toEqual([15, 31]);
    for (const row of rows) {
      const state = JSON.parse(recordAt(harness.readDb, t.ID.detention, row.seq)!.state);
      expect(state.notes).toHaveLength(Math.max(0, row.revision - 1));
    }
  });

  it('gives the same read DB when the same events are replayed twice, and when rebuilt from scratch', async () => {
    await recordScenario(harness);
    const events = await harness.store.readAll();
    const twice = openReadModel(join(harness.dir, 'twice.sqlite'));
    const projection = new RecordsProjection();
    for (let round = 0; round < 2; round++) {
      twice.transaction(() => {
        for (const event of events) projection.apply(event, twice.db);
        projection.endBatch(twice.db);
      });
    }
    const rebuilt = await harness.rebuild();
    expect(dump(twice.db)).toEqual(dump(harness.readDb.db));
    expect(dump(rebuilt.db)).toEqual(dump(harness.readDb.db));
    twice.close();
    rebuilt.close();
  });

  it('announces each change after commit with the countries after it, those it left, and status changes', async () => {
    await harness.run(t.meeting(), t.commitment());
    const notices = firstValueFrom(harness.runner.changes.pipe(take(3), toArray()));
    await harness.run(
      t.setStatus('LIMITED', ['LA']),
      t.correct(t.ID.commitment, {
        countries: [
          { code: 'KH', role: 'SIGNATORY' },
          { code: 'TH', role: 'SIGNATORY' },
        ],
      }),
      t.retract(t.ID.commitment),
    );
    const [status, corrected, retracted] = (await notices) as ChangeNotice[];
    expect(status).toMatchObject({
      recordId: t.ID.commitment,
      kind: 'COMMITMENT',
      eventType: 'ImplementationStatusSet',
      countries: ['KH', 'LA'],
      commitmentStatus: { from: 'NO_EVIDENCE', to: 'LIMITED', countries: ['LA'] },
    });
    // LA left the record: its followers still hear that it did, the countries after the change beside it.
    expect(corrected).toMatchObject({
      eventType: 'RecordCorrected',
      countries: ['KH', 'TH'],
      countriesRemoved: ['LA'],
    });
    expect(corrected!.commitmentStatus).toBeUndefined();
    expect(retracted).toMatchObject({ eventType: 'RecordRetracted', countries: ['KH', 'TH'] });
  });

  it('ignores events of streams that are not records, and lifecycle events of records never created', async () => {
    await harness.store.append('not-a-record', [
      { id: crypto.randomUUID(), type: 'MeetingRecorded', data: { recordId: t.ID.meeting } },
    ]);
    const orphan = await harness.store.append(recordStreamName(t.ID.detention), [
      { id: crypto.randomUUID(), type: 'DetentionNoteAdded', data: { recordId: t.ID.detention } },
    ]);
    await harness.runner.waitForPosition(orphan.position);
    expect(harness.readDb.db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 0 });
    expect(harness.runner.status().failing).toBe(false);
  });
});
