/**
 * Reads through the client (which sends them over its Rust core): one stream, pages of $all, the head.
 */
import { BACKWARDS, END, FORWARDS, START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event.js';
import type { Position } from '../position.js';
import type { ResolvedReadStreamOptions } from '../validation/read-validation.js';
import { isStreamDeleted, isStreamNotFound } from './kurrentdb-errors.js';
import {
  isSystemEvent,
  positionFromKurrentDb,
  positionToKurrentDb,
  toRecordedEvent,
  type ClientRecordedEvent,
} from './kurrentdb-mapping.js';

/** The stream's events as the client returns them; [] when KurrentDB reports it not found. */
export async function readStreamEvents(
  client: KurrentDBClient,
  stream: string,
  { direction, fromRevision, maxCount }: ResolvedReadStreamOptions,
): Promise<ClientRecordedEvent[]> {
  if (maxCount === 0) return [];
  const events: ClientRecordedEvent[] = [];
  try {
    const reading = client.readStream(stream, {
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      fromRevision: fromRevision ?? (direction === 'forwards' ? START : END),
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    for await (const resolved of reading) {
      if (resolved.event) events.push(resolved.event as ClientRecordedEvent);
    }
  } catch (error) {
    // Never written, soft-deleted, or tombstoned (deleted for good by an operator): it holds nothing.
    if (isStreamNotFound(error) || isStreamDeleted(error)) return [];
    throw error;
  }
  return events;
}

/** One page of $all as the client reads it, each page its own call (and its own operation timeout). */
export type ReadAllPage = (
  direction: 'forwards' | 'backwards',
  from: Position | 'start' | 'end',
  maxCount: number,
) => Promise<ClientRecordedEvent[]>;

export async function readAllRaw(
  client: KurrentDBClient,
  direction: 'forwards' | 'backwards',
  from: Position | 'start' | 'end',
  maxCount: number,
): Promise<ClientRecordedEvent[]> {
  const events: ClientRecordedEvent[] = [];
  const reading = client.readAll({
    direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
    fromPosition: from === 'start' ? START : from === 'end' ? END : positionToKurrentDb(from),
    maxCount,
  });
  for await (const resolved of reading) {
    if (resolved.event) events.push(resolved.event as ClientRecordedEvent);
  }
  return events;
}

const belongs = (event: ClientRecordedEvent, streamPrefix: string) =>
  !isSystemEvent(event) && event.streamId.startsWith(streamPrefix) && event.position !== undefined;

/**
 * Up to `maxCount` of our events after `after` (exclusive), in $all order, paging past KurrentDB's own
 * events and other prefixes. KurrentDB reads $all forwards from a position inclusively; the event at
 * `after` is skipped here.
 */
export async function readAllEvents(
  readPage: ReadAllPage,
  after: Position | undefined,
  maxCount: number,
  streamPrefix: string,
  pageSize: number,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let last = after;
  while (found.length < maxCount) {
    const count = Math.min(pageSize, maxCount - found.length) + 1;
    const page = await readPage('forwards', last ?? 'start', count);
    for (const event of page) {
      if (!event.position) continue;
      const position = positionFromKurrentDb(event.position);
      if (last !== undefined && position <= last) continue;
      last = position;
      if (!belongs(event, streamPrefix)) continue;
      found.push(toRecordedEvent(event, streamPrefix));
      if (found.length === maxCount) break;
    }
    if (page.length < count) break;
  }
  return found;
}

/** The position of our last event in $all, reading backwards past KurrentDB's own events. */
export async function readHeadPosition(
  readPage: ReadAllPage,
  streamPrefix: string,
  pageSize: number,
): Promise<Position | undefined> {
  let before: Position | 'end' = 'end';
  for (;;) {
    const page = await readPage('backwards', before, pageSize);
    for (const event of page) {
      if (!event.position) continue;
      const position = positionFromKurrentDb(event.position);
      // Backwards reads start before the given position; this guards against a server that includes it.
      if (before !== 'end' && position >= before) continue;
      if (belongs(event, streamPrefix)) return position;
      before = position;
    }
    if (page.length < pageSize) return undefined;
  }
}
