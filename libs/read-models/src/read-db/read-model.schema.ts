import { CHECKPOINT_TABLE_SQL } from '../runner/checkpoint-store.js';
import type { Migration } from './read-database.js';

/*
 * The read DB's tables. `records` holds each record's current state (the domain's own state, folded by
 * the domain's `evolve`) and the columns queries sort and filter on; `record_history` holds every event
 * with the same columns as they were right after it, so "as of" a recording time reads the same shape
 * as "now" (see records/record-source.ts). Everything here is disposable: a rebuild replays the store.
 */
const RECORD_COLUMNS = `
  kind TEXT NOT NULL,
  -- The kind's live status ('made', 'active', 'DETAINED'...), kept when retracted.
  status TEXT NOT NULL,
  retracted INTEGER NOT NULL,
  retraction_reason TEXT,
  -- The domain's RecordState, JSON: { status: 'retracted', reason, live } when retracted.
  state TEXT NOT NULL,
  -- [{ code, role }], JSON, as in the record's fields.
  countries TEXT NOT NULL,
  -- ',KH,CN,': every distinct code, for a membership test that needs no join.
  country_codes TEXT NOT NULL,
  occurred_start TEXT NOT NULL,
  occurred_end TEXT NOT NULL,
  -- COMMITMENT only: the deadline's last day, its meeting or statement, its theme.
  due_day TEXT,
  meeting_id TEXT,
  statement_id TEXT,
  theme TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  position TEXT NOT NULL,
  revision INTEGER NOT NULL`;

const RECORDS_SQL = `
CREATE TABLE records (
  id TEXT PRIMARY KEY,${RECORD_COLUMNS}
);
CREATE INDEX records_by_occurred ON records (occurred_start DESC, id DESC);
CREATE INDEX records_by_kind ON records (kind, occurred_start DESC, id DESC);
CREATE INDEX records_by_meeting ON records (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE TABLE record_countries (
  record_id TEXT NOT NULL,
  country TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (record_id, country, role)
);
CREATE INDEX record_countries_by_country ON record_countries (country, record_id);

-- One row per event of every record, with the record as it stood right after it.
CREATE TABLE record_history (
  id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor TEXT,
  metadata TEXT NOT NULL,
  data TEXT NOT NULL,${RECORD_COLUMNS},
  PRIMARY KEY (position)
);
CREATE INDEX record_history_by_record ON record_history (id, position);
CREATE INDEX record_history_by_recorded_at ON record_history (recorded_at, id);

CREATE TABLE commitment_signatories (
  commitment_id TEXT NOT NULL,
  country TEXT NOT NULL,
  implementation TEXT NOT NULL,
  PRIMARY KEY (commitment_id, country)
);
CREATE INDEX commitment_signatories_by_country ON commitment_signatories (country, implementation);

-- Every evidence link ever made; an unlinked one keeps its row with unlinked_at set.
CREATE TABLE evidence_links (
  commitment_id TEXT NOT NULL,
  evidence_id TEXT NOT NULL,
  evidence_kind TEXT NOT NULL,
  relation TEXT NOT NULL,
  countries TEXT NOT NULL,
  note TEXT,
  linked_at TEXT NOT NULL,
  linked_position TEXT NOT NULL,
  unlinked_at TEXT,
  unlink_reason TEXT,
  PRIMARY KEY (commitment_id, evidence_id, linked_position)
);
CREATE INDEX evidence_links_by_evidence ON evidence_links (evidence_id);
`;

export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'projection checkpoint', sql: CHECKPOINT_TABLE_SQL },
  { version: 2, description: 'records, history, signatories, evidence links', sql: RECORDS_SQL },
];

/** The highest migration: part of the read DB's fingerprint, with the projections' versions. */
export const READ_MODEL_SCHEMA_VERSION = Math.max(...READ_MODEL_MIGRATIONS.map((m) => m.version));
