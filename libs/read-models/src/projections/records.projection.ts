import {
  CREATION_EVENTS,
  RECORD_EVENT_TYPES,
  recordIdFromStream,
  recordsDecider,
  type AnyRecordState,
  type CountryCode,
  type EvidenceLinked,
  type EvidenceUnlinked,
  type ImplementationStatusSet,
  type MadeCommitment,
  type RecordEvent,
  type RecordKind,
  type RecordState,
} from '@tracker/domain';
import type { RecordedEvent } from '@tracker/event-store';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  liveOf,
  RECORD_COLUMN_NAMES,
  stateColumns,
  type AnyLive,
  type StateColumns,
} from '../records/record-columns.js';
import type { ChangeNotice, Projection } from '../runner/projection.js';

const CREATION_EVENT_TYPES: ReadonlySet<string> = new Set(Object.values(CREATION_EVENTS));

interface StoredRecord {
  kind: RecordKind;
  state: string;
  country_codes: string;
  position: string;
  created_at: string;
  created_by: string | null;
}

/**
 * Every record's current state and its whole history. The state is the domain's own: the stored state
 * is loaded, the domain's `evolve` folds the event into it, and the result is stored, so the read model
 * can never disagree with the deciders. Columns for sorting and filtering are derived from that state
 * (record-columns.ts); each event also lands in `record_history` with the state after it, which serves
 * both `history` and "as of".
 */
export class RecordsProjection implements Projection {
  readonly name = 'records';
  /** Bump on any change to what this writes: the read DB is then rebuilt from the store. */
  readonly version = 1;
  readonly handles: ReadonlySet<string> = new Set(RECORD_EVENT_TYPES);
  private readonly statements = new WeakMap<DatabaseSync, Statements>();

  apply(event: RecordedEvent, db: DatabaseSync): ChangeNotice[] {
    const recordId = recordIdFromStream(event.stream);
    if (recordId === undefined) return [];
    const sql = this.statementsFor(db);
    const stored = sql.findRecord.get(recordId) as StoredRecord | undefined;
    // The runner never repeats an event, but a replay over a kept DB (or a retried batch) must not
    // apply one twice: positions only grow within a record.
    if (stored !== undefined && stored.position >= event.position) return [];
    // The domain ignores events on a record that does not exist; so does its read model.
    if (stored === undefined && !CREATION_EVENT_TYPES.has(event.type)) return [];

    const before: AnyRecordState =
      stored === undefined
        ? recordsDecider.initialState()
        : ({ kind: stored.kind, state: JSON.parse(stored.state) } as AnyRecordState);
    const domainEvent = { type: event.type, data: event.data } as RecordEvent;
    const after = recordsDecider.evolve(before, domainEvent);
    if (after.kind === undefined) return [];
    const state = after.state as RecordState<AnyLive>;
    const columns = stateColumns(after.kind, state);
    const recordedAt = event.recordedAt.toISOString();
    const actor = typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
    const row = {
      ...columns,
      id: recordId,
      created_at: stored?.created_at ?? recordedAt,
      created_by: stored === undefined ? actor : stored.created_by,
      updated_at: recordedAt,
      updated_by: actor,
      position: event.position,
      revision: Number(event.revision),
    };

    sql.upsertRecord.run(row);
    sql.insertHistory.run({
      ...row,
      event_id: event.id,
      event_type: event.type,
      recorded_at: recordedAt,
      actor,
      metadata: JSON.stringify(event.metadata),
      data: JSON.stringify(event.data),
    });
    sql.deleteCountries.run(recordId);
    for (const { code, role } of JSON.parse(columns.countries) as { code: string; role: string }[]) {
      sql.insertCountry.run(recordId, code, role);
    }
    if (after.kind === 'COMMITMENT') this.applyCommitment(sql, recordId, domainEvent, state, row);

    return [this.notice(recordId, after.kind, stored, columns, event, domainEvent)];
  }

  private applyCommitment(
    sql: Statements,
    commitmentId: string,
    event: RecordEvent,
    state: RecordState<AnyLive>,
    row: { position: string; updated_at: string },
  ): void {
    const live = liveOf(state) as unknown as MadeCommitment;
    sql.deleteSignatories.run(commitmentId);
    for (const [country, implementation] of Object.entries(live.implementation)) {
      sql.insertSignatory.run(commitmentId, country, implementation);
    }
    if (event.type === 'EvidenceLinked') {
      const link = (event as EvidenceLinked).data;
      sql.insertLink.run({
        commitment_id: commitmentId,
        evidence_id: link.evidenceId,
        evidence_kind: link.evidenceKind,
        relation: link.relation,
        countries: JSON.stringify(link.countries),
        note: link.note ?? null,
        linked_at: row.updated_at,
        linked_position: row.position,
      });
    }
    if (event.type === 'EvidenceUnlinked') {
      const { evidenceId, reason } = (event as EvidenceUnlinked).data;
      sql.closeLink.run(row.updated_at, reason, commitmentId, evidenceId);
    }
  }

  /** Who hears about it: every country the record involved before or involves now. */
  private notice(
    recordId: string,
    kind: RecordKind,
    stored: StoredRecord | undefined,
    columns: StateColumns,
    event: RecordedEvent,
    domainEvent: RecordEvent,
  ): ChangeNotice {
    const codes = new Set<CountryCode>(splitCodes(columns.country_codes));
    if (stored !== undefined) for (const code of splitCodes(stored.country_codes)) codes.add(code);
    const notice: ChangeNotice = {
      recordId,
      kind,
      countries: [...codes].sort(),
      position: event.position,
      eventType: event.type,
    };
    if (domainEvent.type === 'ImplementationStatusSet') {
      const { previous, status, country } = (domainEvent as ImplementationStatusSet).data;
      notice.commitmentStatus = { from: previous, to: status, countries: [country] };
    }
    return notice;
  }

  private statementsFor(db: DatabaseSync): Statements {
    let statements = this.statements.get(db);
    if (statements === undefined) {
      statements = prepareStatements(db);
      this.statements.set(db, statements);
    }
    return statements;
  }
}

function splitCodes(column: string): string[] {
  return column.split(',').filter((code) => code !== '');
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: DatabaseSync) {
  const columns = RECORD_COLUMN_NAMES.join(', ');
  const values = RECORD_COLUMN_NAMES.map((name) => `:${name}`).join(', ');
  const updates = RECORD_COLUMN_NAMES.map((name) => `${name} = excluded.${name}`).join(', ');
  const statement = (text: string): StatementSync => db.prepare(text);
  return {
    findRecord: statement(
      'SELECT kind, state, country_codes, position, created_at, created_by FROM records WHERE id = ?',
    ),
    upsertRecord: statement(
      `INSERT INTO records (id, ${columns}) VALUES (:id, ${values})
       ON CONFLICT (id) DO UPDATE SET ${updates}`,
    ),
    insertHistory: statement(
      `INSERT OR IGNORE INTO record_history
         (id, event_id, event_type, recorded_at, actor, metadata, data, ${columns})
       VALUES (:id, :event_id, :event_type, :recorded_at, :actor, :metadata, :data, ${values})`,
    ),
    deleteCountries: statement('DELETE FROM record_countries WHERE record_id = ?'),
    insertCountry: statement(
      'INSERT OR IGNORE INTO record_countries (record_id, country, role) VALUES (?, ?, ?)',
    ),
    deleteSignatories: statement('DELETE FROM commitment_signatories WHERE commitment_id = ?'),
    insertSignatory: statement(
      'INSERT INTO commitment_signatories (commitment_id, country, implementation) VALUES (?, ?, ?)',
    ),
    insertLink: statement(
      `INSERT OR IGNORE INTO evidence_links
         (commitment_id, evidence_id, evidence_kind, relation, countries, note, linked_at, linked_position)
       VALUES (:commitment_id, :evidence_id, :evidence_kind, :relation, :countries, :note, :linked_at,
               :linked_position)`,
    ),
    closeLink: statement(
      `UPDATE evidence_links SET unlinked_at = ?, unlink_reason = ?
       WHERE commitment_id = ? AND evidence_id = ? AND unlinked_at IS NULL`,
    ),
  };
}
