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
 *   revision). Re-sending event ids the stream already holds at the place the expected state points to is
 *   an idempotent no-op that answers the original result.
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
  | { kind: 'wrong_expected_version'; current: bigint | 'no_stream'; expected: ExpectedState };

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

  constructor(private readonly clock: () => Date = () => new Date()) {}

  append(stream: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(stream) ?? [];
    const current = BigInt(existing.length) - 1n;
    const idempotent = this.idempotentResult(existing, expected, proposed);
    if (idempotent) return idempotent;

    const matches =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === -1n) ||
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
  ): StoredEvent[] | undefined {
    const events = this.streams.get(stream);
    if (!events || events.length === 0) return undefined;
    const last = BigInt(events.length - 1);
    if (direction === 'forwards') {
      const start = from === 'start' ? 0n : from === 'end' ? last + 1n : from;
      return events.slice(Number(start), Number(start + clampCount(count)));
    }
    const start = from === 'end' ? last : from === 'start' ? 0n : from > last ? last : from;
    const end = start - clampCount(count) + 1n;
    return events.slice(Number(end < 0n ? 0n : end), Number(start) + 1).reverse();
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
   * KurrentDB's idempotency: when the events at the place `expected` points to already carry the proposed
   * ids, in order, the append is a no-op answering where they are. For `any` and `stream_exists` the place is
   * wherever the first proposed id sits in the stream.
   */
  private idempotentResult(
    existing: readonly StoredEvent[],
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome | undefined {
    if (proposed.length === 0 || existing.length === 0) return undefined;
    let first: number;
    switch (expected.kind) {
      case 'no_stream':
        first = 0;
        break;
      case 'revision':
        first = Number(expected.revision) + 1;
        break;
      case 'any':
      case 'stream_exists':
        first = existing.findIndex((event) => event.id === proposed[0].id);
        break;
    }
    if (first < 0 || first + proposed.length > existing.length) return undefined;
    const sameIds = proposed.every((event, index) => existing[first + index].id === event.id);
    if (!sameIds) return undefined;
    const last = existing[first + proposed.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position, idempotent: true };
  }
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
