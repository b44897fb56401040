import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { consistencyPath, inclusionPath, rootHash, type SubtreeHashes } from '../rfc9162/proofs.js';
import { edgeOf, type TreeEdge } from '../rfc9162/tree-edge.js';

/**
 * The log's tables, in whatever SQLite file holds it (the event store's own file on the embedded store,
 * so a leaf commits with its event). Leaves map to events; `log_nodes` keeps every complete subtree above
 * them, so a root or a proof at any size reads O(log² n) rows and an append writes two rows on average.
 */
export const MERKLE_LOG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS log_leaves (
    leaf_index INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    position TEXT NOT NULL,
    hash BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS log_leaves_by_event ON log_leaves (event_id);
  CREATE TABLE IF NOT EXISTS log_nodes (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS log_checkpoints (
    tree_size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    time TEXT NOT NULL,
    note TEXT NOT NULL
  ) STRICT;
`;

/** One event as the log takes it: which event, where in the store, and its leaf hash. */
export interface LogEntry {
  eventId: string;
  position: string;
  leafHash: Buffer;
}

export interface LogLeaf extends LogEntry {
  index: number;
}

/** A signed checkpoint as kept: the tree head it states and the signed note itself. */
export interface StoredCheckpoint {
  size: number;
  root: Buffer;
  time: string;
  note: string;
}

/** Subtree hashes kept in memory (about 100 bytes each). */
const SUBTREE_CACHE_LIMIT = 100_000;

/**
 * An append-only Merkle tree (RFC 9162) kept in SQLite. `append` runs inside the caller's transaction;
 * the right edge of the tree (TreeEdge) stays in memory, so an append reads nothing. Another connection may append to the same file: the size is checked first, and the
 * edge read again when it moved.
 */
export class MerkleLog implements SubtreeHashes {
  private readonly sql: ReturnType<typeof prepare>;
  /** The tree's right edge, as of the last append; undefined when it must be read again. */
  private edge: TreeEdge | undefined;
  /** Complete subtrees read so far: they never change once written, so proofs after the first are cheap. */
  private readonly subtrees = new Map<string, Buffer>();

  /** `create: false` for a read-only connection to a file that already has the tables. */
  constructor(db: DatabaseSync, { create = true }: { create?: boolean } = {}) {
    if (create) db.exec(MERKLE_LOG_SCHEMA);
    this.sql = prepare(db);
  }

  /** Adds leaves in order. Call inside a transaction, and `forget()` if that transaction rolls back. */
  append(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    const size = this.size();
    if (this.edge?.leaves !== size) this.edge = edgeOf(size, (level, index) => this.subtree(level, index));
    const edge = this.edge;
    for (const entry of entries) {
      this.sql.insertLeaf.run(edge.leaves, entry.eventId, entry.position, entry.leafHash);
      edge.append(entry.leafHash, (level, index, hash) => this.sql.insertNode.run(level, index, hash));
    }
  }

  /** What memory holds may be ahead of the file (a rolled-back transaction): read it again next time. */
  forget(): void {
    this.edge = undefined;
    this.subtrees.clear();
  }

  size(): number {
    return Number((this.sql.size.get() as { size: number | bigint }).size);
  }

  subtree(level: number, index: number): Buffer {
    const key = `${level}/${index}`;
    const cached = this.subtrees.get(key);
    if (cached !== undefined) return cached;
    const row = (level === 0 ? this.sql.leafHash.get(index) : this.sql.node.get(level, index)) as
      { hash: Uint8Array } | undefined;
    if (row === undefined) throw new RangeError(`the log holds no subtree ${index} at level ${level}`);
    const hash = Buffer.from(row.hash);
    if (this.subtrees.size >= SUBTREE_CACHE_LIMIT) this.subtrees.clear();
    this.subtrees.set(key, hash);
    return hash;
  }

  /** The root of the first `size` leaves (all of them by default). */
  root(size = this.size()): Buffer {
    this.checkSize(size);
    return rootHash(this, size);
  }

  inclusionProof(index: number, size: number): Buffer[] {
    this.checkSize(size);
    return inclusionPath(this, index, size);
  }

  consistencyProof(from: number, to: number): Buffer[] {
    this.checkSize(to);
    return consistencyPath(this, from, to);
  }

  /** The leaf of an event (the first, should two streams hold events with one id). */
  leafOf(eventId: string): LogLeaf | undefined {
    const row = this.sql.leafOfEvent.get(eventId) as LeafRow | undefined;
    return row && leafFromRow(row);
  }

  /** Up to `count` leaves from `from` on, in order. */
  leaves(from: number, count: number): LogLeaf[] {
    return (this.sql.leavesFrom.all(from, count) as unknown as LeafRow[]).map(leafFromRow);
  }

  /** The store position of the last leaf: where a follower resumes. */
  lastPosition(): string | undefined {
    return (this.sql.lastLeaf.get() as { position: string } | undefined)?.position;
  }

  addCheckpoint(checkpoint: StoredCheckpoint): void {
    this.sql.insertCheckpoint.run(checkpoint.size, checkpoint.root, checkpoint.time, checkpoint.note);
  }

  /** The checkpoint at exactly `size` leaves, or the latest. */
  checkpoint(size?: number): StoredCheckpoint | undefined {
    const row = (size === undefined ? this.sql.latestCheckpoint.get() : this.sql.checkpointAt.get(size)) as
      CheckpointRow | undefined;
    return row && checkpointFromRow(row);
  }

  /** The first checkpoint that covers `size` leaves: the earliest signed proof that they were logged. */
  checkpointCovering(size: number): StoredCheckpoint | undefined {
    const row = this.sql.checkpointCovering.get(size) as CheckpointRow | undefined;
    return row && checkpointFromRow(row);
  }

  /** Up to `count` checkpoints after size `after`, by size. */
  checkpoints(after: number, count: number): StoredCheckpoint[] {
    return (this.sql.checkpointsAfter.all(after, count) as unknown as CheckpointRow[]).map(checkpointFromRow);
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size()) {
      throw new RangeError(`the log has ${this.size()} leaves, not ${size}`);
    }
  }
}

interface LeafRow {
  leaf_index: number;
  event_id: string;
  position: string;
  hash: Uint8Array;
}

interface CheckpointRow {
  tree_size: number;
  root: Uint8Array;
  time: string;
  note: string;
}

function leafFromRow(row: LeafRow): LogLeaf {
  return {
    index: Number(row.leaf_index),
    eventId: row.event_id,
    position: row.position,
    leafHash: Buffer.from(row.hash),
  };
}

function checkpointFromRow(row: CheckpointRow): StoredCheckpoint {
  return { size: Number(row.tree_size), root: Buffer.from(row.root), time: row.time, note: row.note };
}

function prepare(db: DatabaseSync) {
  const statement = (text: string): StatementSync => db.prepare(text);
  return {
    size: statement('SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM log_leaves'),
    insertLeaf: statement(
      'INSERT INTO log_leaves (leaf_index, event_id, position, hash) VALUES (?, ?, ?, ?)',
    ),
    insertNode: statement('INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)'),
    leafHash: statement('SELECT hash FROM log_leaves WHERE leaf_index = ?'),
    node: statement('SELECT hash FROM log_nodes WHERE level = ? AND idx = ?'),
    leafOfEvent: statement(
      'SELECT leaf_index, event_id, position, hash FROM log_leaves WHERE event_id = ? ORDER BY leaf_index LIMIT 1',
    ),
    leavesFrom: statement(
      'SELECT leaf_index, event_id, position, hash FROM log_leaves WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?',
    ),
    lastLeaf: statement('SELECT position FROM log_leaves ORDER BY leaf_index DESC LIMIT 1'),
    insertCheckpoint: statement(
      'INSERT OR IGNORE INTO log_checkpoints (tree_size, root, time, note) VALUES (?, ?, ?, ?)',
    ),
    latestCheckpoint: statement(
      'SELECT tree_size, root, time, note FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1',
    ),
    checkpointAt: statement('SELECT tree_size, root, time, note FROM log_checkpoints WHERE tree_size = ?'),
    checkpointCovering: statement(
      'SELECT tree_size, root, time, note FROM log_checkpoints WHERE tree_size >= ? ORDER BY tree_size LIMIT 1',
    ),
    checkpointsAfter: statement(
      'SELECT tree_size, root, time, note FROM log_checkpoints WHERE tree_size > ? ORDER BY tree_size LIMIT ?',
    ),
  };
}
