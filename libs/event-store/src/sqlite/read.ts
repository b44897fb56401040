import type { RecordedEvent } from '../event.js';
import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port.js';
import { bigIntsFromPosition, type Position, positionFromBigInts } from '../position.js';
import { resolveReadAllOptions, resolveReadStreamOptions } from '../validation/read-validation.js';
import {
  type EventRow,
  MAX_SQLITE_INTEGER,
  type SqliteStatements,
  toRecordedEvent,
} from './sqlite-statements.js';

/** SQLite's "no limit". */
const UNLIMITED = -1;

export function readStream(
  statements: SqliteStatements,
  stream: string,
  options?: ReadStreamOptions,
): RecordedEvent[] {
  const { direction, fromRevision, maxCount } = resolveReadStreamOptions(options);
  const rows =
    direction === 'forwards'
      ? statements.readStreamForwards.all(stream, fromRevision ?? 0n, maxCount ?? UNLIMITED)
      : statements.readStreamBackwards.all(stream, fromRevision ?? MAX_SQLITE_INTEGER, maxCount ?? UNLIMITED);
  return (rows as unknown as EventRow[]).map(toRecordedEvent);
}

export function readAll(statements: SqliteStatements, options?: ReadAllOptions): RecordedEvent[] {
  const { after, maxCount } = resolveReadAllOptions(options);
  return readAllAfter(statements, after === undefined ? 0n : globalPositionOf(after), maxCount);
}

/** Events after a global position: what readAll and subscriptions both page through. */
export function readAllAfter(statements: SqliteStatements, after: bigint, maxCount: number): RecordedEvent[] {
  return (statements.readAllAfter.all(after, maxCount) as unknown as EventRow[]).map(toRecordedEvent);
}

export function headPosition(statements: SqliteStatements): Position | undefined {
  const { position } = statements.headPosition.get() as { position: bigint | null };
  return position === null ? undefined : positionFromBigInts(position);
}

/** The global position inside one of this adapter's positions (one part); positions start at 1. */
export function globalPositionOf(position: Position): bigint {
  const parts = bigIntsFromPosition(position);
  if (parts.length !== 1) throw new TypeError(`Not a position of the SQLite event store: ${position}`);
  return parts[0];
}
