/**
 * KurrentDbProtocolDouble: an in-process gRPC server that speaks the part of KurrentDB's client protocol the
 * official Node client (@kurrent/kurrentdb-client) uses for streams, so that client can run against it over a
 * real loopback HTTP/2 connection. It is a protocol double for tests, not a database.
 *
 * What it implements, with KurrentDB's semantics, serving the client package's own generated service
 * definitions:
 * - ServerFeatures.GetSupportedMethods: lists exactly what follows (the client picks BatchAppend over Append
 *   from this answer; the Rust core it reads through asks for it too).
 * - Streams.Append (client streaming) and Streams.BatchAppend (the long-lived bidirectional stream the client
 *   prefers): all-or-nothing appends checked against any / no_stream / stream_exists / a revision, KurrentDB's
 *   idempotency as its CheckCommit decides it (a bounded cache of recent ids for any / stream_exists),
 *   WrongExpectedVersion answered the way each call reports it.
 * - Streams.Delete (soft) and Streams.Tombstone (hard), and what reads and appends then answer.
 * - Gossip.Read, when given the members to report (a cluster: cluster-double.ts).
 * - Streams.Read: a stream or $all, forwards or backwards, from start / end / a revision / a position, with
 *   a count; "stream not found" as a message (compatibility 1, what the client's Rust core asks for) or as
 *   the NotFound status; catch-up-then-live subscriptions to $all (confirmation, history after the given
 *   position, "caught up" with a timestamp and position, then live events).
 * - 0-based revisions; commit = prepare positions that grow with each record's size; "created" timestamps
 *   in .NET ticks; event ids as strings or structured UUIDs, as the request asks.
 *
 * KurrentDB's own events are written into $all between the application's (system-events.ts): an epoch
 * record, stream metadata and the system projections' link events. Faults in a real cluster's shapes can
 * be injected (faults.ts), and open subscriptions silenced.
 *
 * What it does not: TLS, authentication and ACLs, elections and replication (KurrentDbClusterDouble names
 * a leader; alone, use a single-node connection string `kurrentdb://127.0.0.1:PORT?tls=false`), server-side
 * filters, subscriptions to one stream, persistent subscriptions, running projections, users, operations,
 * the v2 protocol (multi-stream append), deadlines, and persistence. Those calls answer UNIMPLEMENTED (grpc-js does so for any
 * service not registered here). The server version it reports is the one whose protocol it copies.
 *
 * For outage tests: `stop()` drops every connection and open call the way a crashed server would, and
 * `start(samePort)` serves the same data again.
 */
import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { DEFAULT_MAX_APPEND_SIZE, type DoubleFault } from './faults.js';
import { InMemoryLog } from './in-memory-log.js';
import { writeSystemEvents } from './system-events.js';
import {
  ClusterInfo,
  EndPoint,
  GossipService,
  MemberInfo,
  ServerFeaturesService,
  StreamsService,
  SupportedMethod,
  SupportedMethods,
  UUID,
} from './protocol.js';
import { streamsService } from './streams-service.js';

export interface KurrentDbProtocolDoubleOptions {
  /**
   * Advertise Streams.BatchAppend, as KurrentDB does; when false the client falls back to Streams.Append.
   * @defaultValue true
   */
  batchAppend?: boolean;
  /**
   * The version GetSupportedMethods reports.
   * @defaultValue '25.0.0'
   */
  serverVersion?: string;
  /**
   * Write KurrentDB's own events into $all as a real server does (an epoch record, stream metadata, the
   * system projections' link events: see system-events.ts).
   * @defaultValue true
   */
  systemEvents?: boolean;
  /**
   * The largest append accepted, in bytes of the events' data and metadata; a larger one is refused as
   * KurrentDB refuses it (MaximumAppendSizeExceeded) and nothing is written.
   * @defaultValue 1_048_576, KurrentDB's default
   */
  maxAppendSize?: number;
  /** The data to serve: a cluster's nodes share one log (cluster-double.ts). @defaultValue a new, empty log */
  log?: InMemoryLog;
  /** The members the Gossip service reports (a cluster's); without it the service is not offered. */
  gossip?: () => ClusterMember[];
}

/** One node as the Gossip service describes it. */
export interface ClusterMember {
  instanceId: string;
  state: 'leader' | 'follower' | 'shut-down';
  port: number;
}

/** One call the double received: the gRPC method path, when, and the credentials it carried. */
export interface ReceivedCall {
  path: string;
  at: Date;
  /** The `authorization` header the client sent (`Basic …` from a connection string's user:password). */
  authorization?: string;
}

export class KurrentDbProtocolDouble {
  private readonly log: InMemoryLog;
  private readonly gossip: (() => ClusterMember[]) | undefined;
  private server: Server | undefined;
  private boundPort: number | undefined;
  private readonly subscriptions = new Map<() => void, () => void>();
  private readonly received: ReceivedCall[] = [];
  private readonly batchAppend: boolean;
  private readonly serverVersion: string;
  private currentFault: DoubleFault | undefined;
  private readonly maxAppendSize: number;

  constructor(options: KurrentDbProtocolDoubleOptions = {}) {
    this.batchAppend = options.batchAppend ?? true;
    this.serverVersion = options.serverVersion ?? '25.0.0';
    this.maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
    this.log = options.log ?? new InMemoryLog();
    this.gossip = options.gossip;
    // A shared log is the cluster's: it writes KurrentDB's own events once, for all its nodes.
    if ((options.systemEvents ?? true) && options.log === undefined) writeSystemEvents(this.log);
  }

  /**
   * Starts serving on 127.0.0.1. `port` 0 (the default) picks a free one; pass the port of an earlier run to
   * come back where clients expect the server. Resolves to the bound port.
   */
  async start(port = 0): Promise<number> {
    if (this.server)
      throw new Error(`The KurrentDB protocol double is already listening on ${this.boundPort}`);
    const server = new Server();
    server.addService(
      StreamsService,
      this.recording(
        '/event_store.client.streams.Streams/',
        streamsService(this.log, {
          trackSubscription: (end, silence) => {
            this.subscriptions.set(end, silence);
            return () => this.subscriptions.delete(end);
          },
          fault: () => this.currentFault,
          maxAppendSize: this.maxAppendSize,
        }),
      ),
    );
    server.addService(
      ServerFeaturesService,
      this.recording('/event_store.client.server_features.ServerFeatures/', {
        getSupportedMethods: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) =>
          callback(null, this.supportedMethods()),
      }),
    );
    const gossip = this.gossip;
    if (gossip !== undefined) {
      server.addService(
        GossipService,
        this.recording('/event_store.client.gossip.Gossip/', {
          read: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) =>
            callback(null, clusterInfo(gossip())),
        }),
      );
    }
    const bound = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, actual) =>
        error ? reject(error) : resolve(actual),
      ),
    );
    this.server = server;
    this.boundPort = bound;
    return bound;
  }

  /**
   * Stops serving at once: open calls (subscriptions, the BatchAppend stream) end and connections drop, as
   * when the server process dies. The data stays for the next `start`. Idempotent.
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const end of [...this.subscriptions.keys()]) end();
    server.forceShutdown();
  }

  /**
   * From now on, answer as a cluster node in trouble would (see faults.ts); `undefined` serves normally
   * again. Calls already answered are not affected.
   */
  injectFault(fault: DoubleFault | undefined): void {
    this.currentFault = fault;
  }

  /**
   * Every subscription open now stops sending events but stays open, its connection alive: what a server
   * can leave behind when it ends a subscription badly (KurrentDB PR #5672). Subscriptions opened later are
   * served as usual. Resolves to how many were silenced.
   */
  silenceOpenSubscriptions(): number {
    for (const silence of this.subscriptions.values()) silence();
    return this.subscriptions.size;
  }

  get port(): number | undefined {
    return this.boundPort;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** The single-node connection string the official client takes. */
  get connectionString(): string {
    if (this.boundPort === undefined) throw new Error('The KurrentDB protocol double has not been started');
    return `kurrentdb://127.0.0.1:${this.boundPort}?tls=false`;
  }

  /** Calls received so far, oldest first (methods it does not implement are not registered, so not listed). */
  get calls(): readonly ReceivedCall[] {
    return this.received;
  }

  /** How many of the application's events $all holds (KurrentDB's own not counted). */
  get eventCount(): number {
    return this.log.applicationEventCount;
  }

  private supportedMethods() {
    const method = (service: string, name: string, features: string[] = []) =>
      new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
    const streams = 'event_store.client.streams.streams';
    const methods = [
      method(streams, 'read', ['position', 'events']),
      method(streams, 'append'),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    ];
    if (this.batchAppend) methods.push(method(streams, 'batchappend', ['deadline_duration']));
    return new SupportedMethods().setEventStoreServerVersion(this.serverVersion).setMethodsList(methods);
  }

  private recording<T extends object>(prefix: string, implementation: T): T {
    const wrapped: Record<string, unknown> = {};
    for (const [name, handler] of Object.entries(implementation)) {
      const path = prefix + name.charAt(0).toUpperCase() + name.slice(1);
      wrapped[name] = (...args: unknown[]) => {
        const metadata = (args[0] as { metadata?: { get(key: string): unknown[] } } | undefined)?.metadata;
        const authorization = metadata?.get('authorization')[0];
        this.received.push({
          path,
          at: new Date(),
          ...(typeof authorization === 'string' ? { authorization } : {}),
        });
        return (handler as (...a: unknown[]) => unknown)(...args);
      };
    }
    return wrapped as T;
  }
}

const NODE_STATES = {
  leader: MemberInfo.VNodeState.LEADER,
  follower: MemberInfo.VNodeState.FOLLOWER,
  'shut-down': MemberInfo.VNodeState.SHUTDOWN,
} as const;

/** Gossip's answer: each member's id, state, liveness and the endpoint clients connect to. */
function clusterInfo(members: ClusterMember[]) {
  const ticks = String(BigInt(Date.now()) * 10_000n);
  return new ClusterInfo().setMembersList(
    members.map((member) =>
      new MemberInfo()
        .setInstanceId(new UUID().setString(member.instanceId))
        .setTimeStamp(ticks)
        .setState(NODE_STATES[member.state])
        .setIsAlive(member.state !== 'shut-down')
        .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(member.port)),
    ),
  );
}
