import type { RecordedEvent } from '@tracker/event-store';
import type { DatabaseSync } from 'node:sqlite';

/**
 * What a projection tells the world after its change is committed: which record changed, of which kind,
 * concerning which countries, at which position. GraphQL subscriptions and read-your-write waits use it.
 */
export interface ChangeNotice {
  recordId: string;
  kind: string;
  /** Every country the record involves after the change. */
  countries: string[];
  /** Countries it involved before and no longer does: their followers hear of the change too. */
  countriesRemoved?: string[];
  /** The actors (surviving ids) the record names before or after the change, or the actor itself. */
  actors?: string[];
  position: string;
  eventType: string;
  /** Set when a commitment's implementation status changed (per signatory where it differs). */
  commitmentStatus?: { from: string; to: string; countries: string[] };
}

/** Turns events into SQL on the read DB. `apply` runs inside the runner's transaction. */
export interface Projection {
  /** Stable name, used in logs. */
  readonly name: string;
  /** Bump on any change to what the projection writes: the read DB is rebuilt from scratch. */
  readonly version: number;
  /** Event types this projection handles; others never reach `apply`. */
  readonly handles: ReadonlySet<string>;
  apply(event: RecordedEvent, db: DatabaseSync): ChangeNotice[] | void;
  /** Called once per batch, inside its transaction, after the last `apply`: writes what was deferred. */
  endBatch?(db: DatabaseSync): void;
  /**
   * A replay into an empty read DB is about to start (`begin`), or has caught up with the store's head
   * (`end`): a projection may leave out what only queries need (secondary indexes) and build it at the end.
   */
  bulkBegin?(db: DatabaseSync): void;
  bulkEnd?(db: DatabaseSync): void;
  /** The batch's transaction was rolled back: forget whatever was kept in memory about `db`. */
  rollback?(db: DatabaseSync): void;
}

/** The fingerprint that decides whether a read DB file still fits the code. */
export function projectionsVersion(projections: readonly Projection[], schemaVersion: number): string {
  const parts = projections.map((p) => `${p.name}@${p.version}`).sort();
  return [`schema@${schemaVersion}`, ...parts].join(',');
}
