import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { consistencyPath, inclusionPath, rootHash, type SubtreeHashes } from '../rfc9162/proofs.js';
import { edgeOf, type TreeEdge } from '../rfc9162/tree-edge.js';

/**
 * The log's tables, in whatever SQLite file holds it (the event store's own file on the embedded store,
 * so a leaf commits with its event). `log_tree` holds every leaf and every complete subtree above them,
 * numbered in order (the subtree of 2^level leaves from leaf i·2^level is node i·2^(level+1) + 2^level − 1,
 * a leaf i node 2i): an append writes a leaf and the subtrees it completes next to each other, at the end
 * of one B-tree, so each commit touches few pages. A leaf row names its event and store position; the
 * position index grows at its end too. A root or proof at any size reads O(log² n) rows.
 */
export const MERKLE_LOG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS log_tree (
    node INTEGER PRIMARY KEY,
    hash BLOB NOT NULL,
    event_id TEXT,
    position TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS log_tree_by_position ON log_tree (position) WHERE position IS NOT NULL;
  CREATE TABLE IF NOT EXISTS log_checkpoints (
    tree_size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    time TEXT NOT NULL,
    note TEXT NOT NULL
  ) STRICT;
`;

/** Where the subtree of 2^level leaves starting at leaf index·2^level sits in `log_tree`. */
export function nodeNumber(level: number, index: number): number {
  return index * 2 ** (level + 1) + 2 ** level - 1;
}

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
  private readonly subtrees = new Map<number, Buffer>();

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
      this.sql.insertLeaf.run(nodeNumber(0, edge.leaves), entry.leafHash, entry.eventId, entry.position);
      edge.append(entry.leafHash, (level, index, hash) =>
        this.sql.insertNode.run(nodeNumber(level, index), hash),
      );
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
    const key = nodeNumber(level, index);
    const cached = this.subtrees.get(key);
    if (cached !== undefined) return cached;
    const row = this.sql.node.get(key) as { hash: Uint8Array } | undefined;
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

  /** The leaf of the event at this store position. */
  leafAt(position: string): LogLeaf | undefined {
    const row = this.sql.leafAtPosition.get(position) as LeafRow | undefined;
    return row && leafFromRow(row);
  }

  /** Up to `count` leaves from `from` on, in order. */
  leaves(from: number, count: number): LogLeaf[] {
    return (this.sql.leavesFrom.all(nodeNumber(0, from), count) as unknown as LeafRow[]).map(leafFromRow);
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
  node: number;
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
    index: Number(row.node) / 2,
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
    // The newest leaf always has the largest node number (the subtrees it completed sit below it).
    size: statement('SELECT coalesce(max(node) / 2 + 1, 0) AS size FROM log_tree'),
    insertLeaf: statement('INSERT INTO log_tree (node, hash, event_id, position) VALUES (?, ?, ?, ?)'),
    insertNode: statement('INSERT INTO log_tree (node, hash) VALUES (?, ?)'),
    node: statement('SELECT hash FROM log_tree WHERE node = ?'),
    leafAtPosition: statement(
      'SELECT node, event_id, position, hash FROM log_tree WHERE position = ? AND position IS NOT NULL',
    ),
    // Leaves are the even nodes; the odd ones between them are subtrees, skipped.
    leavesFrom: statement(
      'SELECT node, event_id, position, hash FROM log_tree WHERE node >= ? AND node % 2 = 0 ORDER BY node LIMIT ?',
    ),
    lastLeaf: statement(
      'SELECT position FROM log_tree WHERE position IS NOT NULL ORDER BY node DESC LIMIT 1',
    ),
    insertCheckpoint: statement(
      'INSERT OR IGNORE INTO log_checkpoints (tree_size, root, time, note) VALUES (?, ?, ?, ?)',
    ),
    latestCheckpoint: statement(
      'SELECT tree_size, root, time, note FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1',
    ),
    checkpointAt: statement('SELECT tree_size, root, time, note FROM log_checkpoints WHERE tree_size = ?'),
    checkpointsAfter: statement(
      'SELECT tree_size, root, time, note FROM log_checkpoints WHERE tree_size > ? ORDER BY tree_size LIMIT ?',
    ),
  };
}
