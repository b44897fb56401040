/**
 * Faults the double can answer with, in exactly the shapes a real KurrentDB cluster sends them, so the
 * adapter meets on the wire what production meets (`KurrentDbProtocolDouble.injectFault`):
 * - `not-ready` / `too-busy`: a node starting up, in an election, or shedding load. Reads fail UNAVAILABLE
 *   with the server's message; a BatchAppend is answered with an error status whose detail the client does
 *   not know (it becomes `UnknownError("Could not recognize Server Is Not Ready")`). Nothing is written.
 * - `not-leader`: a follower asked to do what the leader must (reads requiring the leader, every write):
 *   the call fails NotFound with the `exception: not-leader` trailer and the leader's endpoint.
 * `appendsOnly` lets reads through (a follower serves reads; a node can turn not-ready between the read an
 * append starts with and the append itself), so the append's own answer is what the client meets.
 * - `commit-timeout`: an append the server accepted but could not commit in time (KurrentDB's Timeout
 *   detail); with `landsAnyway` the events are written all the same, as when replication finishes after
 *   the server answered. `streams` limits it to the appends whose stream name matches. Reads are unaffected.
 */
import { Metadata, status } from '@grpc/grpc-js';
import { Any, GoogleEmpty, SharedMaximumAppendSizeExceeded, SharedTimeout, Status } from './protocol.js';

export type DoubleFault =
  | { kind: 'not-ready' | 'too-busy'; appendsOnly?: boolean }
  | { kind: 'not-leader'; appendsOnly?: boolean; leaderHost?: string; leaderPort?: number }
  | { kind: 'commit-timeout'; landsAnyway: boolean; streams?: RegExp };

/** google.rpc.Code values used below. */
const RPC_DEADLINE_EXCEEDED = 4;
const RPC_UNAVAILABLE = 14;

const MESSAGES = { 'not-ready': 'Server Is Not Ready', 'too-busy': 'Server Is Too Busy' } as const;

/** A call-level error the server sends when the whole call is refused, as grpc-js takes it. */
export interface CallError {
  code: status;
  details: string;
  metadata?: Metadata;
}

/** The call-level refusal of `fault` for a read or an append, if it refuses at that level. */
export function callRefusal(fault: DoubleFault | undefined, call: 'read' | 'append'): CallError | undefined {
  if (!fault || (call === 'read' && 'appendsOnly' in fault && fault.appendsOnly)) return undefined;
  switch (fault.kind) {
    case 'not-ready':
    case 'too-busy':
      return call === 'read' ? { code: status.UNAVAILABLE, details: MESSAGES[fault.kind] } : undefined;
    case 'not-leader': {
      const metadata = new Metadata();
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', fault.leaderHost ?? '127.0.0.1');
      metadata.set('leader-endpoint-port', String(fault.leaderPort ?? 2113));
      return { code: status.NOT_FOUND, details: 'Leader info available', metadata };
    }
    case 'commit-timeout':
      return undefined;
  }
}

/** The fault that applies to an append to `stream`: a commit timeout may be limited to some streams. */
export function faultFor(fault: DoubleFault | undefined, stream: string): DoubleFault | undefined {
  if (fault?.kind === 'commit-timeout' && fault.streams && !fault.streams.test(stream)) return undefined;
  return fault;
}

/** The error status a BatchAppend answers one append with under `fault`, if it does. */
export function batchAppendRefusal(fault: DoubleFault | undefined): InstanceType<typeof Status> | undefined {
  if (!fault) return undefined;
  const details = new Any();
  switch (fault.kind) {
    case 'not-ready':
    case 'too-busy':
      details.pack(new GoogleEmpty().serializeBinary(), 'google.protobuf.Empty');
      return new Status().setCode(RPC_UNAVAILABLE).setMessage(MESSAGES[fault.kind]).setDetails(details);
    case 'commit-timeout':
      details.pack(new SharedTimeout().serializeBinary(), 'event_store.client.Timeout');
      return new Status().setCode(RPC_DEADLINE_EXCEEDED).setMessage('Timeout').setDetails(details);
    case 'not-leader':
      return undefined;
  }
}

/** KurrentDB's default largest append (`MaxAppendSize`), in bytes of the events' data and metadata. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

/** The size KurrentDB counts against its maximum append size: every event's data and metadata. */
export function appendSize(events: readonly { data: Uint8Array; customMetadata: Uint8Array }[]): number {
  return events.reduce((sum, event) => sum + event.data.length + event.customMetadata.length, 0);
}

/** The error status an append larger than `max` is answered with, as the server packs it. */
export function tooLargeStatus(max: number): InstanceType<typeof Status> {
  const details = new Any();
  details.pack(
    new SharedMaximumAppendSizeExceeded().setMaxappendsize(max).serializeBinary(),
    'event_store.client.MaximumAppendSizeExceeded',
  );
  return new Status().setCode(3).setMessage('Maximum Append Size Exceeded').setDetails(details);
}
