import type { SQLInputValue, StatementSync } from 'node:sqlite';

/**
 * Rows kept at most, per commit (an answer weighs its row count, at least 1); past it the cache starts
 * afresh. Bounds memory whatever is read between two commits: an export reading every record once
 * must not keep them all.
 */
const MAX_ROWS = 10_000;

/**
 * What queries read, kept until the read DB next commits. The read DB changes only when the projection
 * runner commits a batch (one feeder per read DB, read-db-lock.ts), so until then the same query with the
 * same parameters has the same answer: repeated reads (every profile asks for the same country's
 * tallies, the same record) cost a lookup. Rows are shared between callers: never mutate them.
 */
export class ReadCache {
  private entries = new Map<string, unknown>();
  private rows = 0;

  /** `enabled` false: nothing is kept, every read computes anew. */
  constructor(private readonly enabled = true) {}

  /** Forget everything: the read DB has changed. */
  clear(): void {
    this.entries = new Map();
    this.rows = 0;
  }

  remember<T>(key: string, compute: () => T): T {
    if (!this.enabled) return compute();
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = compute();
    const weight = Array.isArray(value) ? Math.max(1, value.length) : 1;
    if (this.rows + weight > MAX_ROWS) this.clear();
    this.entries.set(key, value);
    this.rows += weight;
    return value;
  }
}

/** A prepared read whose answers are kept in the read cache: `all` and `get`, as on StatementSync. */
export class CachedStatement {
  constructor(
    private readonly statement: StatementSync,
    private readonly text: string,
    private readonly cache: ReadCache,
  ) {}

  all(...params: SQLInputValue[]): Record<string, unknown>[] {
    return this.cache.remember(this.key('all', params), () =>
      Object.freeze(this.statement.all(...params)),
    ) as Record<string, unknown>[];
  }

  get(...params: SQLInputValue[]): Record<string, unknown> | undefined {
    return this.cache.remember(this.key('get', params), () => this.statement.get(...params));
  }

  private key(kind: string, params: readonly SQLInputValue[]): string {
    return `${kind}\u0000${this.text}\u0000${JSON.stringify(params)}`;
  }
}
