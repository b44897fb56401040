import {
  CREATION_EVENTS,
  decodeRecordEvent,
  RECORD_EVENT_TYPES,
  recordIdFromStream,
  recordsDecider,
  isRetracted,
  type AnyRecordState,
  derivedImplementation,
  supportingEvidence,
  type ImplementationStatusSet,
  type MadeCommitment,
  type RecordEvent,
  type RecordKind,
  type RecordState,
} from '@tracker/domain';
import type { RecordedEvent } from '@tracker/event-store';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  HISTORY_SNAPSHOT_EVERY,
  READ_MODEL_INDEXES_SQL,
  READ_MODEL_INDEX_NAMES,
} from '../read-db/read-model.schema.js';
import { liveOf, RECORD_COLUMN_NAMES, stateColumns, type AnyLive } from '../records/record-columns.js';
import type { AnyRecordView } from '../records/record-view.js';
import type { ChangeNotice, Projection } from '../runner/projection.js';
import { ActorIndex } from './actor-index.js';
import {
  ALL_COUNTRIES,
  contributionOf,
  diffCounts,
  EMPTY_CONTRIBUTION,
  FACET_COLUMNS,
  sameFacet,
  KEY_SEPARATOR,
  STAT_COLUMNS,
  type Contribution,
} from './country-facets.js';

const CREATION_EVENT_TYPES: ReadonlySet<string> = new Set(Object.values(CREATION_EVENTS));
/** Records kept in memory between batches; past this the cache starts afresh after a batch. */
const RECORD_CACHE_LIMIT = 50_000;

/** A record as the projection keeps it between events: parsed once, not per event. */
interface CachedRecord {
  kind: RecordKind;
  state: RecordState<AnyLive>;
  position: string;
  createdAt: string;
  createdBy: string | null;
  /** rowid of its current row in country_records, per country. */
  facetRows: Record<string, number>;
  contribution: Contribution;
  /** Its rows moved with no event of its own (a supporting record's retraction): facet_rows to write. */
  facetsMoved?: boolean;
  /** What the `records` row needs beyond the state, set by each event, cleared once written. */
  latest?: { recordedAt: string; actor: string | null; position: string; revision: number };
}

/** What the projection holds in memory for one read DB; dropped whenever a batch rolls back. */
interface Memory {
  statements: Statements;
  actors: ActorIndex;
  records: Map<string, CachedRecord>;
  stats: Map<string, number[]>;
  keyedCounts: Map<string, number>;
  dirtyKeys: Set<string>;
  /** Records whose `records` row the batch changed: written, then forgotten, at its end. */
  dirtyRecords: Set<string>;
  seq: number;
  knownAt: string;
  maxOccurred: string;
}

/**
 * Every record's current state, its whole history, and the per-country model: the lists each country's
 * queries page through (`country_records`) and its tallies (`country_stats`, keyed counts), all versioned
 * by `seq` so "as of" reads the same tables as "now" (read-model.schema.ts).
 *
 * The state is the domain's own: the domain's `evolve` folds each event into it, so the read model can
 * never disagree with the deciders. What a record adds to its countries is a pure function of its state
 * (country-facets.ts); an event changes exactly the difference between the record's contribution before
 * and after it. States, tallies and row ids stay in memory between events, so a replay reads nothing back.
 */
export class RecordsProjection implements Projection {
  readonly name = 'records';
  /** Bump on any change to what this writes: the read DB is then rebuilt from the store. */
  readonly version = 10;
  readonly handles: ReadonlySet<string> = new Set(RECORD_EVENT_TYPES);
  private readonly memories = new WeakMap<DatabaseSync, Memory>();

  apply(event: RecordedEvent, db: DatabaseSync): ChangeNotice[] {
    const recordId = recordIdFromStream(event.stream);
    if (recordId === undefined) return [];
    const memory = this.memoryFor(db);
    const sql = memory.statements;
    const stored = this.load(memory, recordId);
    // The runner never repeats an event, but a replay over a kept DB (or a retried batch) must not
    // apply one twice: positions only grow within a record.
    if (stored !== undefined && stored.position >= event.position) return [];
    // The domain ignores events on a record that does not exist; so does its read model.
    if (stored === undefined && !CREATION_EVENT_TYPES.has(event.type)) return [];

    const before: AnyRecordState =
      stored === undefined
        ? recordsDecider.initialState()
        : ({ kind: stored.kind, state: stored.state } as AnyRecordState);
    const domainEvent = decodeRecordEvent(event);
    const after = recordsDecider.evolve(before, domainEvent);
    if (after.kind === undefined) return [];
    const state = after.state as RecordState<AnyLive>;
    const recordedAt = event.recordedAt.toISOString();
    const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
    const seq = ++memory.seq;
    if (recordedAt > memory.knownAt) memory.knownAt = recordedAt;

    const record: CachedRecord = stored ?? {
      kind: after.kind,
      state,
      position: event.position,
      createdAt: recordedAt,
      createdBy: actor,
      facetRows: {},
      contribution: EMPTY_CONTRIBUTION,
    };
    const previous = record.contribution;
    const wasRetracted = stored !== undefined && isRetracted(stored.state);
    const standing = (id: string) => this.isStanding(memory, id);
    const supportedBefore = stored?.kind === 'COMMITMENT' ? supportingOf(stored.state) : [];
    const contribution = contributionOf(viewOf(after.kind, state, standing));
    record.state = state;
    record.position = event.position;
    record.contribution = contribution;
    memory.records.set(recordId, record);
    const occurredStart = contribution.rows.get(ALL_COUNTRIES)!.occurred_start;
    if (occurredStart > memory.maxOccurred) memory.maxOccurred = occurredStart;
    const revision = Number(event.revision);
    sql.insertHistory.run(
      seq,
      recordId,
      after.kind,
      event.id,
      event.type,
      event.position,
      revision,
      recordedAt,
      memory.knownAt,
      memory.maxOccurred,
      actor,
      JSON.stringify(event.metadata),
      JSON.stringify(event.data),
      record.createdAt,
      record.createdBy,
      (revision + 1) % HISTORY_SNAPSHOT_EVERY === 0 ? JSON.stringify(state) : null,
    );
    this.applyFacets(memory, recordId, record, previous, contribution, seq);
    // `before` holds the state as it was: `record` (the cached object) already holds the new one.
    const previousState =
      stored === undefined ? undefined : ((before as { state: unknown }).state as RecordState<AnyLive>);
    const actors = memory.actors.apply(recordId, after.kind, previousState, state);
    this.applyTallies(memory, previous, contribution, seq);
    // The `records` row is written once per batch, from the latest of these (endBatch).
    record.latest = { recordedAt, actor, position: event.position, revision };
    memory.dirtyRecords.add(recordId);
    if (after.kind === 'COMMITMENT')
      this.indexSupport(memory, recordId, supportedBefore, supportingOf(state));
    const derived =
      isRetracted(state) !== wasRetracted
        ? // Its standing changed: the commitments whose automatic LIMITED rests on it count again.
          this.recountSupported(memory, recordId, seq, event)
        : [];

    return [
      { ...notice(recordId, after.kind, previous, contribution, event, domainEvent), actors },
      ...derived,
    ];
  }

  /** Writes what the batch left in memory only: each record's latest row, each keyed count's latest value. */
  endBatch(db: DatabaseSync): void {
    const memory = this.memories.get(db);
    if (memory === undefined) return;
    // Only what the batch touched: the cache holds up to RECORD_CACHE_LIMIT records, a live batch one.
    for (const id of memory.dirtyRecords) {
      const record = memory.records.get(id)!;
      if (record.latest !== undefined) {
        memory.statements.upsertRecord.run(
          ...recordRow(id, record, record.latest),
          JSON.stringify(record.facetRows),
        );
      } else if (record.facetsMoved) {
        memory.statements.updateFacetRows.run(JSON.stringify(record.facetRows), id);
      }
      record.latest = undefined;
      record.facetsMoved = false;
    }
    memory.dirtyRecords.clear();
    for (const key of memory.dirtyKeys) {
      const [country, counter, counted] = splitKey(key, 3);
      memory.statements.upsertKeyedCount.run(country, counter, counted, memory.keyedCounts.get(key) ?? 0);
    }
    memory.dirtyKeys.clear();
    if (memory.records.size > RECORD_CACHE_LIMIT) memory.records.clear();
    if (memory.keyedCounts.size > RECORD_CACHE_LIMIT) memory.keyedCounts.clear();
  }

  /** A replay from nothing: indexes are built once at the end, sorted, rather than row by row. */
  bulkBegin(db: DatabaseSync): void {
    for (const name of READ_MODEL_INDEX_NAMES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  }

  bulkEnd(db: DatabaseSync): void {
    db.exec(READ_MODEL_INDEXES_SQL);
    // What the replay kept in memory (up to RECORD_CACHE_LIMIT records) served the replay; live batches
    // touch a few records each and read them back on demand.
    this.memories.delete(db);
  }

  /** The batch was rolled back: what memory holds may be ahead of the DB, so it is read again. */
  rollback(db: DatabaseSync): void {
    this.memories.delete(db);
  }

  private applyFacets(
    memory: Memory,
    recordId: string,
    record: CachedRecord,
    previous: Contribution,
    next: Contribution,
    seq: number,
  ): void {
    const sql = memory.statements;
    for (const [country, row] of previous.rows) {
      const replacement = next.rows.get(country);
      if (replacement !== undefined && sameFacet(row, replacement)) continue;
      const rowid = record.facetRows[country];
      if (rowid !== undefined) sql.closeFacet.run(seq, rowid);
      delete record.facetRows[country];
    }
    for (const [country, row] of next.rows) {
      const old = previous.rows.get(country);
      if (old !== undefined && sameFacet(old, row)) continue;
      const result = sql.insertFacet.run(
        country,
        recordId,
        ...FACET_COLUMNS.map((column) => row[column]),
        seq,
      );
      record.facetRows[country] = Number(result.lastInsertRowid);
    }
  }

  private applyTallies(memory: Memory, previous: Contribution, next: Contribution, seq: number): void {
    const sql = memory.statements;
    for (const [country, deltas] of diffCounts(previous.stats, next.stats)) {
      const values = this.statsOf(memory, country);
      for (const [index, delta] of deltas) values[index]! += delta;
      sql.insertStats.run(country, seq, ...values);
    }
    for (const [country, deltas] of diffCounts(previous.keyed, next.keyed)) {
      for (const [counterKey, delta] of deltas) {
        const key = `${country}${KEY_SEPARATOR}${counterKey}`;
        const value = this.keyedCountOf(memory, key) + delta;
        memory.keyedCounts.set(key, value);
        memory.dirtyKeys.add(key);
        const [counter, counted] = splitKey(counterKey, 2);
        sql.insertKeyedHistory.run(country, counter, counted, seq, value);
      }
    }
  }

  private statsOf(memory: Memory, country: string): number[] {
    let values = memory.stats.get(country);
    if (values === undefined) {
      const row = memory.statements.latestStats.get(country) as Record<string, number> | undefined;
      values = STAT_COLUMNS.map((name) => row?.[name] ?? 0);
      memory.stats.set(country, values);
    }
    return values;
  }

  private keyedCountOf(memory: Memory, key: string): number {
    const cached = memory.keyedCounts.get(key);
    if (cached !== undefined) return cached;
    const [country, counter, counted] = splitKey(key, 3);
    const row = memory.statements.findKeyedCount.get(country, counter, counted) as
      { value: number } | undefined;
    return row?.value ?? 0;
  }

  /** Whether a record exists and is not retracted, as the read model stands at this event. */
  private isStanding(memory: Memory, recordId: string): boolean {
    const cached = memory.records.get(recordId);
    if (cached !== undefined) return !isRetracted(cached.state);
    const row = memory.statements.findRetracted.get(recordId) as { retracted: number } | undefined;
    return row !== undefined && row.retracted === 0;
  }

  /** Keeps `commitment_evidence`: which commitments' automatic LIMITED rests on which records. */
  private indexSupport(memory: Memory, commitmentId: string, before: string[], after: string[]): void {
    for (const id of before) if (!after.includes(id)) memory.statements.deleteSupport.run(id, commitmentId);
    for (const id of after) if (!before.includes(id)) memory.statements.insertSupport.run(id, commitmentId);
  }

  /** The commitments supported by `evidenceId` count anew, at `seq`, now that it stands or not. */
  private recountSupported(
    memory: Memory,
    evidenceId: string,
    seq: number,
    event: RecordedEvent,
  ): ChangeNotice[] {
    const notices: ChangeNotice[] = [];
    const rows = memory.statements.supportedBy.all(evidenceId) as { commitment_id: string }[];
    for (const { commitment_id: commitmentId } of rows) {
      const commitment = this.load(memory, commitmentId);
      if (commitment === undefined) continue;
      const previous = commitment.contribution;
      const next = contributionOf(
        viewOf(commitment.kind, commitment.state, (id) => this.isStanding(memory, id)),
      );
      this.applyFacets(memory, commitmentId, commitment, previous, next, seq);
      this.applyTallies(memory, previous, next, seq);
      commitment.contribution = next;
      commitment.facetsMoved = true;
      memory.dirtyRecords.add(commitmentId);
      // A signatory's status moved with it: followers of commitment statuses hear of it, as of this event.
      for (const [country, row] of next.rows) {
        const before = previous.rows.get(country)?.implementation;
        if (country === ALL_COUNTRIES || !row.implementation || !before || before === row.implementation)
          continue;
        notices.push({
          recordId: commitmentId,
          kind: 'COMMITMENT',
          countries: [...next.rows.keys()].filter((code) => code !== ALL_COUNTRIES).sort(),
          position: event.position,
          eventType: 'SupportingRecordStandingChanged',
          commitmentStatus: { from: before, to: row.implementation, countries: [country] },
        });
      }
    }
    return notices;
  }

  private load(memory: Memory, recordId: string): CachedRecord | undefined {
    const cached = memory.records.get(recordId);
    if (cached !== undefined) return cached;
    const row = memory.statements.findRecord.get(recordId) as StoredRecord | undefined;
    if (row === undefined) return undefined;
    const state = JSON.parse(row.state) as RecordState<AnyLive>;
    const record: CachedRecord = {
      kind: row.kind,
      state,
      position: row.position,
      createdAt: row.created_at,
      createdBy: row.created_by,
      facetRows: JSON.parse(row.facet_rows) as Record<string, number>,
      contribution: contributionOf(viewOf(row.kind, state, (id) => this.isStanding(memory, id))),
    };
    memory.records.set(recordId, record);
    return record;
  }

  private memoryFor(db: DatabaseSync): Memory {
    let memory = this.memories.get(db);
    if (memory === undefined) {
      const statements = prepareStatements(db);
      const last = statements.lastHistory.get() as
        { seq: number; known_at: string; max_occurred: string } | undefined;
      memory = {
        statements,
        actors: new ActorIndex(db),
        records: new Map(),
        stats: new Map(),
        keyedCounts: new Map(),
        dirtyKeys: new Set(),
        dirtyRecords: new Set(),
        seq: last?.seq ?? 0,
        knownAt: last?.known_at ?? '',
        maxOccurred: last?.max_occurred ?? '',
      };
      this.memories.set(db, memory);
    }
    return memory;
  }
}

/** The records a commitment state's automatic LIMITED rests on (none for a retracted commitment). */
function supportingOf(state: RecordState<AnyLive>): string[] {
  const live = liveOf(state);
  return live === undefined || isRetracted(state)
    ? []
    : supportingEvidence(live as unknown as MadeCommitment);
}

/** `a SEP b SEP c...` into `parts` parts: the last keeps any separator it holds (an indicator key's own). */
function splitKey(key: string, parts: number): string[] {
  const out: string[] = [];
  let rest = key;
  while (out.length < parts - 1) {
    const at = rest.indexOf(KEY_SEPARATOR);
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

interface StoredRecord {
  kind: RecordKind;
  state: string;
  position: string;
  created_at: string;
  created_by: string | null;
  facet_rows: string;
}

/** The `records` row of a record: its state's columns, then when and by whom it was created and updated. */
function recordRow(
  id: string,
  record: CachedRecord,
  latest: NonNullable<CachedRecord['latest']>,
): (string | number | null)[] {
  const columns = stateColumns(record.kind, record.state);
  return [
    id,
    ...RECORD_COLUMN_NAMES.map((name) => {
      switch (name) {
        case 'created_at':
          return record.createdAt;
        case 'created_by':
          return record.createdBy;
        case 'updated_at':
          return latest.recordedAt;
        case 'updated_by':
          return latest.actor;
        case 'position':
          return latest.position;
        case 'revision':
          return latest.revision;
        default:
          return columns[name];
      }
    }),
  ];
}

/**
 * What contributionOf needs of a record: its kind, state, content and whether it is retracted. A
 * commitment's automatic LIMITED is as its supporting records stand (derivedImplementation).
 */
function viewOf(
  kind: RecordKind,
  state: RecordState<AnyLive>,
  isStanding: (recordId: string) => boolean,
): AnyRecordView {
  let live = liveOf(state);
  if (kind === 'COMMITMENT' && live !== undefined) {
    const commitment = live as unknown as MadeCommitment;
    const implementation = derivedImplementation(commitment, isStanding);
    if (implementation !== commitment.implementation)
      live = { ...live, implementation } as unknown as AnyLive;
  }
  return { kind, state, live, retracted: isRetracted(state) } as unknown as AnyRecordView;
}

/** Who hears about it: every country the record involves now, and those it left. */
function notice(
  recordId: string,
  kind: RecordKind,
  previous: Contribution,
  next: Contribution,
  event: RecordedEvent,
  domainEvent: RecordEvent,
): ChangeNotice {
  const after = [...next.rows.keys()].filter((code) => code !== ALL_COUNTRIES).sort();
  const removed = [...previous.rows.keys()]
    .filter((code) => code !== ALL_COUNTRIES && !next.rows.has(code))
    .sort();
  const notice: ChangeNotice = {
    recordId,
    kind,
    countries: after,
    ...(removed.length > 0 ? { countriesRemoved: removed } : {}),
    position: event.position,
    eventType: event.type,
  };
  if (domainEvent.type === 'ImplementationStatusSet') {
    const { previous: from, status, country } = (domainEvent as ImplementationStatusSet).data;
    notice.commitmentStatus = { from, to: status, countries: [country] };
  }
  return notice;
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: DatabaseSync) {
  const columns = RECORD_COLUMN_NAMES.join(', ');
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const updates = [...RECORD_COLUMN_NAMES, 'facet_rows']
    .map((name) => `${name} = excluded.${name}`)
    .join(', ');
  const statement = (text: string): StatementSync => db.prepare(text);
  return {
    findRecord: statement(
      'SELECT kind, state, position, created_at, created_by, facet_rows FROM records WHERE id = ?',
    ),
    findRetracted: statement('SELECT retracted FROM records WHERE id = ?'),
    updateFacetRows: statement('UPDATE records SET facet_rows = ? WHERE id = ?'),
    supportedBy: statement('SELECT commitment_id FROM commitment_evidence WHERE evidence_id = ?'),
    insertSupport: statement(
      'INSERT OR IGNORE INTO commitment_evidence (evidence_id, commitment_id) VALUES (?, ?)',
    ),
    deleteSupport: statement('DELETE FROM commitment_evidence WHERE evidence_id = ? AND commitment_id = ?'),
    lastHistory: statement(
      'SELECT seq, known_at, max_occurred FROM record_history ORDER BY seq DESC LIMIT 1',
    ),
    upsertRecord: statement(
      `INSERT INTO records (id, ${columns}, facet_rows) VALUES (${marks(RECORD_COLUMN_NAMES.length + 2)})
       ON CONFLICT (id) DO UPDATE SET ${updates}`,
    ),
    insertHistory: statement(
      `INSERT INTO record_history
         (seq, id, kind, event_id, event_type, position, revision, recorded_at, known_at, max_occurred, actor,
          metadata, data, created_at, created_by, state)
       VALUES (${marks(16)})`,
    ),
    insertFacet: statement(
      `INSERT INTO country_records (country, record_id, ${FACET_COLUMNS.join(', ')}, from_seq)
       VALUES (${marks(FACET_COLUMNS.length + 3)})`,
    ),
    closeFacet: statement('UPDATE country_records SET to_seq = ? WHERE rowid = ?'),
    latestStats: statement('SELECT * FROM country_stats WHERE country = ? ORDER BY seq DESC LIMIT 1'),
    // An upsert: one event may change a country's tallies twice (its own record's, and the
    // commitments a retraction recounts); the row holds the totals after both.
    insertStats: statement(
      `INSERT INTO country_stats (country, seq, ${STAT_COLUMNS.join(', ')})
       VALUES (${marks(STAT_COLUMNS.length + 2)})
       ON CONFLICT (country, seq) DO UPDATE SET ${STAT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ),
    findKeyedCount: statement(
      'SELECT value FROM country_keyed_counts WHERE country = ? AND counter = ? AND key = ?',
    ),
    upsertKeyedCount: statement(
      `INSERT INTO country_keyed_counts (country, counter, key, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (country, counter, key) DO UPDATE SET value = excluded.value`,
    ),
    insertKeyedHistory: statement(
      `INSERT INTO country_keyed_history (country, counter, key, seq, value) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (country, counter, key, seq) DO UPDATE SET value = excluded.value`,
    ),
  };
}
