import { FACET_COLUMNS, STAT_COLUMNS } from '../projections/country-facets.js';
import { CHECKPOINT_TABLE_SQL } from '../runner/checkpoint-store.js';
import type { Migration } from './read-database.js';

/*
 * The read DB's tables. Everything here is disposable: a rebuild replays the store.
 *
 * - `records`: each record's current state (the domain's own, folded by its `evolve`) and the columns
 *   derived from it; read by id.
 * - `record_history`: one row per event, numbered `seq` in store order, with the record's state every
 *   HISTORY_SNAPSHOT_EVERY events. Serves `history`, and "as of": a recording time resolves to the last
 *   `seq` recorded by then (`known_at`, the store clock never running backwards), and a record as of
 *   `seq` S is its nearest snapshot up to S with its few later events up to S folded in.
 * - `country_records`: every record filed under each country it involves, and under `*` (every list of
 *   the whole tracker), with the columns the lists sort and filter on. Versioned: a row holds from
 *   `from_seq` until `to_seq` (NULL while current), and a new version is written only when one of its
 *   columns changes. "Now" reads rows whose `to_seq` is NULL; "as of S" rows that held at S.
 * - `country_stats`: the fixed tallies of each country (and of `*`), one row per change, keyed by
 *   (country, seq): now is the latest row, as of S the latest row with `seq <= S`.
 * - `country_keyed_counts` / `country_keyed_history`: tallies keyed by a day (deadlines not met, custody
 *   begun), now and per change: answers that depend on today (overdue, days in custody) sum them up to
 *   today, over distinct days, never over records.
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
  -- ',KH,CN,': every distinct code.
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

/** A record's state is kept in its history every this many events (bounds the fold of an "as of" read). */
export const HISTORY_SNAPSHOT_EVERY = 16;

const RECORDS_SQL = `
CREATE TABLE records (
  id TEXT PRIMARY KEY,${RECORD_COLUMNS},
  -- { country: rowid } of the record's current rows in country_records.
  facet_rows TEXT NOT NULL
);

CREATE TABLE record_history (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  position TEXT NOT NULL,
  revision INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  -- The latest recording time seen up to this event: never decreases, so "as of" is a seek.
  known_at TEXT NOT NULL,
  -- The latest occurred_start of any record up to this event: no row valid at this seq sorts later.
  max_occurred TEXT NOT NULL,
  actor TEXT,
  metadata TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  -- The record's state right after this event, kept every HISTORY_SNAPSHOT_EVERY events of a record
  -- (NULL otherwise): a past state is the nearest snapshot before it with the few events since folded in.
  state TEXT
);
`;

/** Secondary indexes: left out during a bulk rebuild and built at its end (see RecordsProjection). */
export const READ_MODEL_INDEXES_SQL = `
CREATE INDEX IF NOT EXISTS record_history_by_record ON record_history (id, seq);
CREATE INDEX IF NOT EXISTS record_history_by_time ON record_history (known_at);
-- Changes after a store position (the changes feed's cursor); positions grow with seq.
CREATE INDEX IF NOT EXISTS record_history_by_position ON record_history (position);
-- An event by its id: where the transparency log's proof of it is asked (inclusionProof).
CREATE INDEX IF NOT EXISTS record_history_by_event ON record_history (event_id);
CREATE INDEX IF NOT EXISTS country_records_newest
  ON country_records (country, occurred_start DESC, record_id DESC, to_seq, from_seq);
CREATE INDEX IF NOT EXISTS country_records_by_kind
  ON country_records (country, kind, occurred_start DESC, record_id DESC, to_seq, from_seq);
CREATE INDEX IF NOT EXISTS country_records_by_record ON country_records (record_id, country);
-- Now-only (a version leaves it when closed): statuses and custody change often, and a walk of the
-- current ones must not step over every past version. "As of" walks by kind instead.
CREATE INDEX IF NOT EXISTS country_records_by_implementation
  ON country_records (country, implementation, occurred_start DESC, record_id DESC)
  WHERE kind = 'COMMITMENT' AND to_seq IS NULL;
CREATE INDEX IF NOT EXISTS country_records_by_meeting
  ON country_records (meeting_id, occurred_start DESC, record_id DESC)
  WHERE meeting_id IS NOT NULL AND country = '*';
CREATE INDEX IF NOT EXISTS country_records_by_statement
  ON country_records (statement_id, occurred_start DESC, record_id DESC)
  WHERE statement_id IS NOT NULL AND country = '*';
CREATE INDEX IF NOT EXISTS country_records_shutdowns
  ON country_records (country, occurred_start DESC, record_id DESC)
  WHERE summary IS NOT NULL;
CREATE INDEX IF NOT EXISTS country_records_by_custody
  ON country_records (country, in_custody, occurred_start DESC, record_id DESC)
  WHERE kind = 'DETENTION' AND to_seq IS NULL;
CREATE INDEX IF NOT EXISTS country_records_by_indicator
  ON country_records (country, indicator_key, provenance, occurred_start DESC, record_id DESC)
  WHERE indicator_key IS NOT NULL;
`;

/** The names of those indexes. */
export const READ_MODEL_INDEX_NAMES: readonly string[] = [
  ...READ_MODEL_INDEXES_SQL.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g),
].map((match) => match[1]!);

const FACET_TYPES: Record<(typeof FACET_COLUMNS)[number], string> = {
  kind: 'TEXT NOT NULL',
  occurred_start: 'TEXT NOT NULL',
  occurred_end: 'TEXT NOT NULL',
  roles: 'TEXT NOT NULL',
  retracted: 'INTEGER NOT NULL',
  implementation: 'TEXT',
  due_day: 'TEXT',
  meeting_id: 'TEXT',
  statement_id: 'TEXT',
  theme_key: 'TEXT',
  in_custody: 'INTEGER',
  indicator: 'TEXT',
  indicator_key: 'TEXT',
  provenance: 'TEXT',
  summary: 'TEXT',
};

const COUNTRY_SQL = `
CREATE TABLE country_records (
  country TEXT NOT NULL,
  record_id TEXT NOT NULL,
  ${FACET_COLUMNS.map((name) => `${name} ${FACET_TYPES[name]}`).join(',\n  ')},
  from_seq INTEGER NOT NULL,
  to_seq INTEGER
);

CREATE TABLE country_stats (
  country TEXT NOT NULL,
  seq INTEGER NOT NULL,
  ${STAT_COLUMNS.map((name) => `${name} INTEGER NOT NULL`).join(',\n  ')},
  PRIMARY KEY (country, seq)
) WITHOUT ROWID;

-- Which records a commitment's automatic LIMITED rests on: their retraction makes it count anew.
CREATE TABLE commitment_evidence (
  evidence_id TEXT NOT NULL,
  commitment_id TEXT NOT NULL,
  PRIMARY KEY (evidence_id, commitment_id)
) WITHOUT ROWID;

CREATE TABLE country_keyed_counts (
  country TEXT NOT NULL,
  counter TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (country, counter, key)
) WITHOUT ROWID;

CREATE TABLE country_keyed_history (
  country TEXT NOT NULL,
  counter TEXT NOT NULL,
  key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (country, counter, key, seq)
) WITHOUT ROWID;
`;

/**
 * Actors and what names them (projections/actor-index.ts), now only: `actors` one row per actor (its
 * survivor once merged, in `merged_into`), `actor_names` every name and alias for prefix search,
 * `actor_references` every record that names an actor and how, filed under the surviving actor.
 */
const ACTOR_SQL = `
CREATE TABLE actors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  home TEXT,
  merged_into TEXT,
  retracted INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX actors_by_name ON actors (name_key, id);
CREATE INDEX actors_by_type ON actors (actor_type, name_key, id);
CREATE INDEX actors_by_home ON actors (home, name_key, id);
CREATE INDEX actors_by_survivor ON actors (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE actor_names (
  name_key TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  PRIMARY KEY (name_key, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_names_by_actor ON actor_names (actor_id);

CREATE TABLE actor_references (
  actor_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  role TEXT NOT NULL,
  occurred_start TEXT NOT NULL,
  PRIMARY KEY (actor_id, record_id, role)
) WITHOUT ROWID;
CREATE INDEX actor_references_newest ON actor_references (actor_id, occurred_start DESC, record_id DESC, role);
`;

export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'projection checkpoint', sql: CHECKPOINT_TABLE_SQL },
  { version: 2, description: 'records and their history', sql: RECORDS_SQL },
  { version: 3, description: 'per-country lists and tallies, versioned', sql: COUNTRY_SQL },
  { version: 4, description: 'indexes', sql: READ_MODEL_INDEXES_SQL },
  { version: 5, description: 'actors and what names them', sql: ACTOR_SQL },
];

/** The highest migration: part of the read DB's fingerprint, with the projections' versions. */
export const READ_MODEL_SCHEMA_VERSION = Math.max(...READ_MODEL_MIGRATIONS.map((m) => m.version));
