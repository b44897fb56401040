/**
 * A KurrentDB cluster made of protocol doubles: several nodes on their own loopback ports serving one log
 * (what replication gives a real cluster), a Gossip service on each that tells clients which node leads,
 * and followers that refuse what needs the leader with NotLeader and the leader's endpoint, as a real
 * follower does. Enough for a cluster connection string (`kurrentdb://host1,host2,host3`, discovery by
 * gossip) and a leader change to run in CI; elections, replication lag and quorum are not modelled: a new
 * leader is named (`electLeader`) and has every event at once.
 */
import { randomUUID } from 'node:crypto';
import { InMemoryLog } from './in-memory-log.js';
import { KurrentDbProtocolDouble, type ClusterMember } from './kurrentdb-protocol-double.js';
import { writeSystemEvents } from './system-events.js';

interface Node {
  readonly double: KurrentDbProtocolDouble;
  readonly instanceId: string;
  port?: number;
}

export class KurrentDbClusterDouble {
  private readonly log = new InMemoryLog();
  private readonly nodes: Node[];
  private leaderIndex = 0;

  constructor(size = 3) {
    writeSystemEvents(this.log);
    this.nodes = Array.from({ length: size }, () => {
      const node: Node = {
        instanceId: randomUUID(),
        double: new KurrentDbProtocolDouble({ log: this.log, gossip: () => this.members() }),
      };
      return node;
    });
  }

  /** Starts every node; the first leads. */
  async start(): Promise<void> {
    for (const node of this.nodes) node.port = await node.double.start(node.port ?? 0);
    this.electLeader(0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.double.stop()));
  }

  /** Every node's endpoint: a connection string that discovers the leader by gossip. */
  get connectionString(): string {
    const hosts = this.nodes.map((node) => `127.0.0.1:${this.portOf(node)}`).join(',');
    return `kurrentdb://${hosts}?tls=false&nodePreference=leader`;
  }

  get leader(): number {
    return this.leaderIndex;
  }

  /** The node at `index`, to inspect the calls it received or inject a fault. */
  node(index: number): KurrentDbProtocolDouble {
    return this.nodes[index]!.double;
  }

  /** How many of the application's events the cluster holds. */
  get eventCount(): number {
    return this.log.applicationEventCount;
  }

  /**
   * `index` leads from now on: gossip says so, and every other running node answers what needs the
   * leader with NotLeader pointing to it.
   */
  electLeader(index: number): void {
    if (!this.nodes[index]!.double.running) throw new Error(`Node ${index} is not running`);
    this.leaderIndex = index;
    const leaderPort = this.portOf(this.nodes[index]!);
    this.nodes.forEach((node, i) =>
      node.double.injectFault(
        i === index ? undefined : { kind: 'not-leader', leaderHost: '127.0.0.1', leaderPort },
      ),
    );
  }

  /** The node's process dies: its connections and subscriptions drop; gossip reports it shut down. */
  async stopNode(index: number): Promise<void> {
    await this.nodes[index]!.double.stop();
  }

  /** The node comes back on its port, following the current leader. */
  async restartNode(index: number): Promise<void> {
    const node = this.nodes[index]!;
    await node.double.start(node.port);
    this.electLeader(this.leaderIndex);
  }

  private members(): ClusterMember[] {
    return this.nodes.map((node, index) => ({
      instanceId: node.instanceId,
      port: this.portOf(node),
      state: !node.double.running ? 'shut-down' : index === this.leaderIndex ? 'leader' : 'follower',
    }));
  }

  private portOf(node: Node): number {
    if (node.port === undefined) throw new Error('The cluster has not been started');
    return node.port;
  }
}
