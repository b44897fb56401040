/**
 * append on KurrentDB: read the stream to apply the port's idempotency rules (see append-decision.ts),
 * then one appendToStream call, all or nothing, with the expected revision as the client's streamState.
 */
import type { EventData } from '@kurrent/kurrentdb-client';
import { InvalidAppendError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult } from '../event-store.port.js';
import type { ValidatedAppend } from '../validation/append-validation.js';
import { decideAppend } from './append-decision.js';
import type { KurrentDbConnection } from './kurrentdb-connection.js';
import { appendError, readError } from './kurrentdb-errors.js';
import {
  expectedRevisionLabel,
  positionFromKurrentDb,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-mapping.js';
import { readStreamEvents } from './read.js';

export async function appendEvents(
  connection: KurrentDbConnection,
  streamPrefix: string,
  { stream, events, expectedRevision }: ValidatedAppend,
): Promise<AppendResult> {
  const stored = streamPrefix + stream;
  const existing = await connection
    .run(
      (client) =>
        readStreamEvents(client, stored, {
          direction: 'forwards',
          fromRevision: undefined,
          maxCount: undefined,
        }),
      { retry: true },
    )
    .catch((error: unknown) => {
      throw readError(error, `read stream "${stream}" before appending to it`);
    });

  const decision = decideAppend(
    existing.map((event) => toRecordedEvent(event, streamPrefix)),
    events.map((event) => event.id),
    expectedRevision,
  );
  switch (decision.kind) {
    case 'already-written':
      return decision.result;
    case 'ids-elsewhere':
      throw new InvalidAppendError(
        `Stream "${stream}" already holds event id(s) ${decision.ids.join(', ')} at other revisions`,
      );
    case 'wrong-expected-revision':
      throw new WrongExpectedRevisionError(stream, expectedRevisionLabel(expectedRevision), decision.actual);
    case 'write':
      break;
  }

  const proposed = events.map(
    (event) =>
      ({
        id: event.id,
        contentType: 'application/json',
        type: event.type,
        data: JSON.parse(event.data),
        metadata: JSON.parse(event.metadata),
      }) as EventData,
  );
  let result;
  try {
    result = await connection.run(
      (client) => client.appendToStream(stored, proposed, { streamState: toStreamState(expectedRevision) }),
      { retry: false },
    );
  } catch (error) {
    throw appendError(error, stream, expectedRevision);
  }
  if (!result.position) {
    // Servers that answer without a position: the last event, read back, has it.
    const [last] = await connection.run(
      (client) =>
        readStreamEvents(client, stored, {
          direction: 'backwards',
          fromRevision: result.nextExpectedRevision,
          maxCount: 1,
        }),
      { retry: true },
    );
    if (!last?.position) throw new Error(`KurrentDB reported no position for the append to "${stream}"`);
    return { nextRevision: result.nextExpectedRevision, position: positionFromKurrentDb(last.position) };
  }
  return { nextRevision: result.nextExpectedRevision, position: positionFromKurrentDb(result.position) };
}
