import { randomUUID } from 'node:crypto';

/**
 * The data behind the KurrentDB protocol double: streams and the global log ($all), in memory, with the
 * semantics KurrentDB gives them. It knows nothing of gRPC; streams-service.ts translates.
 *
 * - Every event gets a log position, a byte offset in a fictitious transaction file that grows by the size
 *   of the event's record, so positions are increasing but not consecutive (as in KurrentDB). Commit and
 *   prepare positions are equal for every event, as KurrentDB reports them for appends outside explicit
 *   transactions.
 * - Revisions are 0-based per stream. "No stream" is revision -1 internally.
 * - An append is all or nothing and checked against the expected state (any, no_stream, stream_exists, a
 *   revision), and its idempotency decided as KurrentDB's CheckCommit decides it (idempotentResult).
 * - A stream can be soft-deleted (it reads as not found until written again; its revisions carry on) or
 *   tombstoned (deleted for good: reads and appends fail with "stream deleted", and a `$streamDeleted`
 *   record stands in $all).
 */

export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export interface ProposedEvent {
  /** Lower-case UUID text. */
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  stream: string;
  revision: bigint;
  position: LogPosition;
  /** .NET ticks (100 ns) since the Unix epoch, as KurrentDB sends them in the "created" metadata entry. */
  created: bigint;
}

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { kind: 'success'; currentRevision: bigint; position: LogPosition; idempotent: boolean }
  | { kind: 'wrong_expected_version'; current: bigint | 'no_stream'; expected: ExpectedState }
  | { kind: 'stream_deleted' };

/**
 * Event ids KurrentDB remembers for idempotency when the expected state is `any` or `stream_exists` (its
 * committed-events cache, bounded by memory on the server; by count here).
 * @defaultValue 10000
 */
export const DEFAULT_IDEMPOTENCY_CACHE_SIZE = 10_000;

export type StreamReadFrom = 'start' | 'end' | bigint;
export type AllReadFrom = 'start' | 'end' | LogPosition;

/** Bytes a record takes besides its payload; only shapes how far apart positions are. */
const RECORD_OVERHEAD = 96n;
const TICKS_PER_MILLISECOND = 10_000n;

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export class InMemoryLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextLogPosition = 0n;
  private readonly listeners = new Set<(events: readonly StoredEvent[]) => void>();
  /** Recently written event ids and where they went, oldest first (see DEFAULT_IDEMPOTENCY_CACHE_SIZE). */
  private readonly recentIds = new Map<string, { stream: string; revision: bigint }>();
  private readonly tombstoned = new Set<string>();
  /** Soft-deleted streams: the first revision still visible (none until written again). */
  private readonly visibleFrom = new Map<string, bigint>();
  private readonly softDeleted = new Set<string>();

  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly idempotencyCacheSize = DEFAULT_IDEMPOTENCY_CACHE_SIZE,
  ) {}

  append(stream: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    if (this.tombstoned.has(stream)) return { kind: 'stream_deleted' };
    const existing = this.streams.get(stream) ?? [];
    const current = BigInt(existing.length) - 1n;
    const softDeleted = this.softDeleted.has(stream);
    if (expected.kind === 'stream_exists' && softDeleted) return { kind: 'stream_deleted' };
    const decision = this.idempotentResult(stream, existing, expected, proposed, softDeleted);
    if (decision !== 'write') return decision;

    const matches =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && (current === -1n || softDeleted)) ||
      (expected.kind === 'stream_exists' && current >= 0n) ||
      (expected.kind === 'revision' && current === expected.revision);
    if (!matches) {
      return { kind: 'wrong_expected_version', current: current === -1n ? 'no_stream' : current, expected };
    }
    if (proposed.length === 0) {
      // KurrentDB accepts an empty append as a check of the expected state; nothing reaches the log.
      return { kind: 'success', currentRevision: current, position: this.lastPosition(), idempotent: false };
    }

    const created = BigInt(this.clock().getTime()) * TICKS_PER_MILLISECOND;
    const written: StoredEvent[] = proposed.map((event, index) => {
      const logPosition = this.nextLogPosition;
      this.nextLogPosition += recordSize(stream, event);
      return {
        ...event,
        stream,
        revision: current + 1n + BigInt(index),
        position: { commit: logPosition, prepare: logPosition },
        created,
      };
    });
    this.streams.set(stream, [...existing, ...written]);
    this.all.push(...written);
    if (softDeleted) {
      // Written again: it exists anew, from this append on; what came before the deletion stays hidden.
      this.softDeleted.delete(stream);
      this.visibleFrom.set(stream, current + 1n);
    }
    for (const event of written) this.remember(event);
    for (const listener of this.listeners) listener(written);
    const last = written[written.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position, idempotent: false };
  }

  /** The stream's events, or undefined when it has none (KurrentDB's "stream not found"). */
  readStream(
    stream: string,
    direction: 'forwards' | 'backwards',
    from: StreamReadFrom,
    count: bigint,
  ): StoredEvent[] | undefined | 'deleted' {
    if (this.tombstoned.has(stream)) return 'deleted';
    const events = this.streams.get(stream);
    if (!events || events.length === 0 || this.softDeleted.has(stream)) return undefined;
    const first = this.visibleFrom.get(stream) ?? 0n;
    const last = BigInt(events.length - 1);
    if (direction === 'forwards') {
      let start = from === 'start' ? first : from === 'end' ? last + 1n : from;
      if (start < first) start = first;
      return events.slice(Number(start), Number(start + clampCount(count)));
    }
    const start = from === 'end' ? last : from === 'start' ? first : from > last ? last : from;
    if (start < first) return [];
    let end = start - clampCount(count) + 1n;
    if (end < first) end = first;
    return events.slice(Number(end), Number(start) + 1).reverse();
  }

  /**
   * KurrentDB's soft delete: the stream reads as not found until it is written again, its revisions then
   * carrying on; its metadata (`$tb`, truncate before) is written to `$$<stream>`. Checked against
   * `expected` as an append is.
   */
  softDelete(stream: string, expected: ExpectedState): AppendOutcome {
    const checked = this.deletable(stream, expected);
    if (checked.kind !== 'success') return checked;
    this.softDeleted.add(stream);
    return this.append(`$$${stream}`, { kind: 'any' }, [
      systemRecord('$metadata', { $tb: '9223372036854775807' }),
    ]);
  }

  /**
   * KurrentDB's tombstone (hard delete): the stream can never be read or written again, and a
   * `$streamDeleted` record in it stands in $all.
   */
  tombstone(stream: string, expected: ExpectedState): AppendOutcome {
    const checked = this.deletable(stream, expected);
    if (checked.kind !== 'success') return checked;
    const logPosition = this.nextLogPosition;
    const record = systemRecord('$streamDeleted', {});
    this.nextLogPosition += recordSize(stream, record);
    const tombstone: StoredEvent = {
      ...record,
      stream,
      revision: 9_223_372_036_854_775_807n,
      position: { commit: logPosition, prepare: logPosition },
      created: BigInt(this.clock().getTime()) * TICKS_PER_MILLISECOND,
    };
    this.tombstoned.add(stream);
    this.all.push(tombstone);
    for (const listener of this.listeners) listener([tombstone]);
    return {
      kind: 'success',
      currentRevision: tombstone.revision,
      position: tombstone.position,
      idempotent: false,
    };
  }

  /**
   * $all in log order. Forwards from a position includes the event at that position; backwards from a
   * position gives the events before it: a position points between records, as in KurrentDB.
   */
  readAll(direction: 'forwards' | 'backwards', from: AllReadFrom, count: bigint): StoredEvent[] {
    const limit = clampCount(count);
    if (direction === 'forwards') {
      const start =
        from === 'start'
          ? 0
          : from === 'end'
            ? this.all.length
            : this.all.findIndex((event) => comparePositions(event.position, from) >= 0);
      if (start === -1) return [];
      return this.all.slice(start, start + Number(limit));
    }
    const end =
      from === 'end'
        ? this.all.length
        : from === 'start'
          ? 0
          : this.all.filter((event) => comparePositions(event.position, from) < 0).length;
    const start = Math.max(0, end - Number(limit));
    return this.all.slice(start, end).reverse();
  }

  /** Events strictly after `position` (all of them when undefined), in log order. */
  eventsAfter(position: LogPosition | undefined): StoredEvent[] {
    if (!position) return [...this.all];
    return this.all.filter((event) => comparePositions(event.position, position) > 0);
  }

  lastPosition(): LogPosition {
    const last = this.all[this.all.length - 1];
    return last ? last.position : { commit: 0n, prepare: 0n };
  }

  /** Calls `listener` synchronously with each batch of events right after it is written. */
  onAppended(listener: (events: readonly StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.all.length;
  }

  /** How many events are the application's, not KurrentDB's own (streams starting with `$`). */
  get applicationEventCount(): number {
    return this.all.filter((event) => !event.stream.startsWith('$')).length;
  }

  /**
   * KurrentDB's idempotency (its CheckCommit), deciding before the expected state is checked:
   * - `any` / `stream_exists`: each proposed id is looked up among the recently written ones. The first
   *   unknown (or another stream's): the append is new and is written, even if the stream holds that id
   *   from long ago. All known: a no-op answering the last one's place. Some known and a later one not: a
   *   wrong expected version ("corrupted idempotency").
   * - a revision or `no_stream` behind the stream's end: the ids are compared with the events from that
   *   place on. All equal: a no-op. The first differs: a wrong expected version (or, for `no_stream` on a
   *   soft-deleted stream, written). A later one differs: a wrong expected version.
   * - otherwise the expected state decides.
   */
  private idempotentResult(
    stream: string,
    existing: readonly StoredEvent[],
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
    softDeleted: boolean,
  ): AppendOutcome | 'write' {
    const current = BigInt(existing.length) - 1n;
    const wrong = (): AppendOutcome => ({
      kind: 'wrong_expected_version',
      current: current === -1n ? 'no_stream' : current,
      expected,
    });
    const noOp = (last: StoredEvent): AppendOutcome => ({
      kind: 'success',
      currentRevision: last.revision,
      position: last.position,
      idempotent: true,
    });
    if (proposed.length === 0) return 'write';
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      let last: StoredEvent | undefined;
      for (const [index, event] of proposed.entries()) {
        const known = this.recentIds.get(event.id);
        if (known === undefined || known.stream !== stream) return index === 0 ? 'write' : wrong();
        last = existing[Number(known.revision)];
      }
      return last === undefined ? 'write' : noOp(last);
    }
    const from = expected.kind === 'no_stream' ? -1n : expected.revision;
    if (from >= current) return 'write';
    for (const [index, event] of proposed.entries()) {
      if (existing[Number(from + 1n) + index]?.id === event.id) continue;
      if (index > 0) return wrong();
      return expected.kind === 'no_stream' && softDeleted ? 'write' : wrong();
    }
    return noOp(existing[Number(from) + proposed.length]!);
  }

  /** What a delete is checked against: the expected state, as an append checks it. */
  private deletable(stream: string, expected: ExpectedState): AppendOutcome {
    if (this.tombstoned.has(stream)) return { kind: 'stream_deleted' };
    const current = BigInt((this.streams.get(stream) ?? []).length) - 1n;
    const matches =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === -1n) ||
      (expected.kind === 'stream_exists' && current >= 0n) ||
      (expected.kind === 'revision' && current === expected.revision);
    if (!matches) {
      return { kind: 'wrong_expected_version', current: current === -1n ? 'no_stream' : current, expected };
    }
    return { kind: 'success', currentRevision: current, position: this.lastPosition(), idempotent: false };
  }

  /** Keeps `event`'s id among the recent ones, forgetting the oldest past the cache's size. */
  private remember(event: StoredEvent): void {
    this.recentIds.delete(event.id);
    this.recentIds.set(event.id, { stream: event.stream, revision: event.revision });
    if (this.recentIds.size > this.idempotencyCacheSize) {
      this.recentIds.delete(this.recentIds.keys().next().value!);
    }
  }
}

/** One of KurrentDB's own records (metadata, a tombstone), JSON. */
function systemRecord(type: string, data: unknown): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: new TextEncoder().encode(JSON.stringify(data)),
    customMetadata: new Uint8Array(),
  };
}

function clampCount(count: bigint): bigint {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return count < 0n ? 0n : count > max ? max : count;
}

function recordSize(stream: string, event: ProposedEvent): bigint {
  const text =
    Buffer.byteLength(stream) + Buffer.byteLength(event.type) + Buffer.byteLength(event.contentType);
  return RECORD_OVERHEAD + BigInt(text + event.data.byteLength + event.customMetadata.byteLength);
}
