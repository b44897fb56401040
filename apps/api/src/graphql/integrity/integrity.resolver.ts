import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import {
  EVIDENCE_FORMAT,
  type ConsistencyEvidence,
  type EvidenceBundle,
  type StoredCheckpoint,
} from '@tracker/integrity';
import { ReadModelNotFoundError, ReadQueries } from '@tracker/read-models';
import { APP_CONFIG, type AppConfig } from '@tracker/config';
import { NotYetCheckpointedError } from '../../integrity/not-yet-checkpointed.error.js';
import { TRANSPARENCY_LOG } from '../../integrity/integrity.module.js';
import type { TransparencyLog } from '../../integrity/open-transparency-log.js';
import { badUserInput } from '@tracker/mutation-inputs';
import { After, First } from '../records/connection.types.js';
import {
  Checkpoint,
  ConsistencyProof,
  InclusionProof,
  RecordEvidence,
  TransparencyLogInfo,
} from './integrity.types.js';

const base64 = (hash: Buffer) => hash.toString('base64');

/** The transparency log over GraphQL: its key, signed checkpoints, and proofs anyone can check offline. */
@Resolver()
export class IntegrityResolver {
  constructor(
    @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReadQueries) private readonly reads: ReadQueries,
  ) {}

  @Query(() => TransparencyLogInfo, {
    description: 'The transparency log: its name, key, size and latest checkpoint.',
  })
  transparencyLog(): TransparencyLogInfo {
    const { log, signer } = this.transparency;
    const latest = log.checkpoint();
    return {
      origin: signer.origin,
      verifierKey: signer.verifierKey,
      treeSize: log.size(),
      ...(latest ? { latestCheckpoint: toCheckpoint(latest) } : {}),
    };
  }

  @Query(() => Checkpoint, {
    nullable: true,
    description:
      'The latest signed checkpoint (null before the first), or the one at exactly treeSize events.',
  })
  checkpoint(@Args('treeSize', { type: () => Int, nullable: true }) treeSize?: number): Checkpoint | null {
    if (treeSize === undefined || treeSize === null) {
      const latest = this.transparency.log.checkpoint();
      return latest ? toCheckpoint(latest) : null;
    }
    this.checkSize('treeSize', treeSize, 1);
    const found = this.transparency.log.checkpoint(treeSize);
    if (!found)
      throw new ReadModelNotFoundError(
        'checkpoint',
        String(treeSize),
        `No checkpoint was signed at tree size ${treeSize}`,
      );
    return toCheckpoint(found);
  }

  @Query(() => InclusionProof, {
    description:
      "A record event's audit path in the tree of treeSize events (by default the latest checkpoint's size).",
  })
  async inclusionProof(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('treeSize', { type: () => Int, nullable: true }) treeSize?: number,
  ): Promise<InclusionProof> {
    const { log } = this.transparency;
    const place = await this.reads.recordEvent(eventId);
    const leaf = place && log.leafAt(place.position);
    if (!leaf)
      throw new ReadModelNotFoundError('event', eventId, `No event ${eventId} of a record in the log`);
    const size = treeSize ?? this.latestCheckpointCovering(leaf.index).size;
    this.checkSize('treeSize', size, 1);
    if (leaf.index >= size) {
      throw badUserInput([
        {
          field: 'treeSize',
          reasons: [`event ${eventId} is leaf ${leaf.index}, after the first ${size} events`],
        },
      ]);
    }
    return {
      eventId: leaf.eventId,
      leafIndex: leaf.index,
      treeSize: size,
      leafHash: base64(leaf.leafHash),
      hashes: log.inclusionProof(leaf.index, size).map(base64),
    };
  }

  @Query(() => ConsistencyProof, {
    description: 'Proof that the log of toSize events extends the log of fromSize events without change.',
  })
  consistencyProof(
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int }) toSize: number,
  ): ConsistencyProof {
    this.checkSize('toSize', toSize, 0);
    this.checkSize('fromSize', fromSize, 0);
    if (fromSize > toSize) {
      throw badUserInput([{ field: 'fromSize', reasons: [`must not be more than toSize (${toSize})`] }]);
    }
    const { log } = this.transparency;
    const hashes = log.consistencyProof(fromSize, toSize).map(base64);
    const [older, newer] = [log.checkpoint(fromSize), log.checkpoint(toSize)];
    const bundle: ConsistencyEvidence | undefined =
      older && newer
        ? { format: EVIDENCE_FORMAT, older: older.note, newer: newer.note, consistencyProof: hashes }
        : undefined;
    return { fromSize, toSize, hashes, ...(bundle ? { bundle } : {}) };
  }

  @Query(() => RecordEvidence, {
    description:
      "A record's events (a page of its history) with inclusion proofs against a signed checkpoint (the " +
      'latest by default, or the one at treeSize): what a reader keeps to prove, later and offline, what ' +
      'the tracker recorded and when.',
  })
  async recordEvidence(
    @Args('recordId', { type: () => ID }) recordId: string,
    @Args('treeSize', { type: () => Int, nullable: true }) treeSize: number | undefined,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): Promise<RecordEvidence> {
    const { log } = this.transparency;
    const checkpoint =
      treeSize === undefined || treeSize === null ? log.checkpoint() : log.checkpoint(treeSize);
    if (!checkpoint) {
      if (treeSize !== undefined && treeSize !== null) {
        throw new ReadModelNotFoundError(
          'checkpoint',
          String(treeSize),
          `No checkpoint was signed at tree size ${treeSize}`,
        );
      }
      throw new NotYetCheckpointedError(undefined, this.config.checkpointIntervalMs);
    }
    const page = await this.reads.history(recordId, { first, after });
    const events: EvidenceBundle['events'] = [];
    let pendingEvents = 0;
    for (const { node } of page.edges) {
      const leaf = log.leafAt(node.position);
      if (leaf === undefined || leaf.index >= checkpoint.size) {
        pendingEvents += 1;
        continue;
      }
      events.push({
        event: {
          id: node.eventId,
          stream: node.stream,
          revision: String(node.revision),
          type: node.type,
          data: node.data,
          metadata: node.metadata,
          recordedAt: node.recordedAt,
        },
        leafIndex: leaf.index,
        inclusionProof: log.inclusionProof(leaf.index, checkpoint.size).map(base64),
      });
    }
    const bundle: EvidenceBundle = { format: EVIDENCE_FORMAT, checkpoint: checkpoint.note, events };
    return {
      checkpoint: toCheckpoint(checkpoint),
      eventCount: events.length,
      pendingEvents,
      ...(page.pageInfo.hasNextPage && page.pageInfo.endCursor ? { endCursor: page.pageInfo.endCursor } : {}),
      bundle,
    };
  }

  /** The latest checkpoint, when it covers leaf `leafIndex`: proofs are given against it by default. */
  private latestCheckpointCovering(leafIndex: number): StoredCheckpoint {
    const covering = this.transparency.log.checkpoint();
    if (covering === undefined || covering.size <= leafIndex) {
      throw new NotYetCheckpointedError(leafIndex, this.config.checkpointIntervalMs);
    }
    return covering;
  }

  private checkSize(field: string, size: number, least: number): void {
    const logged = this.transparency.log.size();
    if (size < least || size > logged) {
      throw badUserInput([
        { field, reasons: [`must be between ${least} and the log's size, ${logged} (got ${size})`] },
      ]);
    }
  }
}

function toCheckpoint(stored: StoredCheckpoint): Checkpoint {
  return {
    treeSize: stored.size,
    rootHash: base64(stored.root),
    time: new Date(stored.time),
    note: stored.note,
  };
}
