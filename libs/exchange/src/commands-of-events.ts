import { recordIdFromStream, type RecordCommand } from '@tracker/domain';

/** An event as exported (`tracker export events`): what the store keeps of it. */
export interface ExportedEvent {
  id: string;
  stream: string;
  revision: string | number | bigint;
  position: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { commandId?: string; commandType?: string; actor?: string; [key: string]: unknown };
  recordedAt: string;
}

/**
 * The command that produced a group of events (those of one command: the same `commandId`, appended
 * together, so adjacent in store order), rebuilt from their data: what replaying a history through the
 * command path sends. The domain's events carry what their command said (and a few derived values, left
 * out), so `{ type: commandType, ...data }` is the command, but for two shapes that differ: a status set
 * for several signatories is one event each, and a corrected retraction says `reinstated`.
 * Returns undefined for events that are not a record's (tokens, idempotency keys): those are not data.
 */
export function commandOfEvents(events: readonly ExportedEvent[]): RecordCommand | undefined {
  const [first] = events;
  if (first === undefined || recordIdFromStream(first.stream) === undefined) return undefined;
  const type = first.metadata.commandType;
  if (typeof type !== 'string') return undefined;
  const { kind: _kind, previous: _previous, cause: _cause, ...data } = first.data;
  switch (type) {
    case 'SetImplementationStatus': {
      const { country: _country, ...rest } = data;
      // A status the domain derived from evidence is not part of the command: it follows from a link.
      const set = events.filter((event) => event.data.cause !== 'EVIDENCE');
      return { ...rest, type, countries: set.map((event) => event.data.country) } as unknown as RecordCommand;
    }
    case 'CorrectRetraction': {
      const { reinstated, ...rest } = data;
      return { ...rest, type, reinstate: reinstated === true } as unknown as RecordCommand;
    }
    default:
      return { ...data, type } as unknown as RecordCommand;
  }
}

/**
 * Groups a stream of exported events, in store order, into commands: each group is the events of one
 * command. Holds one group in memory at a time.
 */
export async function* commandsOfEventStream(
  events: AsyncIterable<ExportedEvent>,
): AsyncGenerator<{ command: RecordCommand; events: ExportedEvent[] }> {
  let group: ExportedEvent[] = [];
  const flush = function* () {
    const command = commandOfEvents(group);
    if (command !== undefined) yield { command, events: group };
  };
  for await (const event of events) {
    const last = group.at(-1);
    if (
      last !== undefined &&
      (last.metadata.commandId !== event.metadata.commandId || last.stream !== event.stream)
    ) {
      yield* flush();
      group = [];
    }
    group.push(event);
  }
  if (group.length > 0) yield* flush();
}
