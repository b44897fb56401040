/**
 * KurrentDB's own events, which a real server writes into $all between an application's: an epoch record
 * at start-up (`$epoch-information`), stream metadata (`$metadata` in `$$<stream>`, as an operator setting
 * `$maxAge` writes it), and the link events (`$>`) the system projections write into `$ce-<category>` for
 * each event. An adapter must page past them and never hand them on; the double writes them so the
 * contract suite meets them in every read of $all and every subscription.
 */
import { randomUUID } from 'node:crypto';
import type { InMemoryLog, ProposedEvent, StoredEvent } from './in-memory-log.js';

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

function systemEvent(type: string, data: Uint8Array, contentType = 'application/json'): ProposedEvent {
  return { id: randomUUID(), type, contentType, data, customMetadata: new Uint8Array() };
}

const isSystemStream = (stream: string) => stream.startsWith('$');

/** Writes the epoch record now, then KurrentDB's own events after every application write. */
export function writeSystemEvents(log: InMemoryLog): void {
  log.append('$epoch-information', { kind: 'any' }, [
    systemEvent(
      '$epoch-information',
      json({ epochNumber: 0, epochId: randomUUID(), leaderInstanceId: randomUUID() }),
    ),
  ]);
  const described = new Set<string>();
  // Written after the application's write has reached every listener (a subscription must see $all in
  // position order), as the server's projections write theirs after the fact.
  log.onAppended((events: readonly StoredEvent[]) => queueMicrotask(() => describeAfter(events)));
  const describeAfter = (events: readonly StoredEvent[]) => {
    const written = events.filter((event) => !isSystemStream(event.stream));
    if (written.length === 0) return;
    const stream = written[0]!.stream;
    if (!described.has(stream)) {
      described.add(stream);
      log.append(`$$${stream}`, { kind: 'any' }, [systemEvent('$metadata', json({ $maxAge: 31_536_000 }))]);
    }
    const category = stream.split('-')[0];
    log.append(
      `$ce-${category}`,
      { kind: 'any' },
      written.map((event) =>
        systemEvent('$>', new TextEncoder().encode(`${event.revision}@${event.stream}`), 'text/plain'),
      ),
    );
  };
}
