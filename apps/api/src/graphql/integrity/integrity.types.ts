import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../history/json.scalar.js';

@ObjectType({
  description:
    'A signed tree head of the transparency log: it had treeSize events, with this root, at this time. ' +
    'The note is a C2SP checkpoint (origin, size, base64 root, `time` line) signed with Ed25519.',
})
export class Checkpoint {
  @Field(() => Int)
  treeSize: number;

  @Field({ description: 'The RFC 9162 Merkle root of the first treeSize events, base64.' })
  rootHash: string;

  @Field({ description: 'When the log signed it.' })
  time: Date;

  @Field({ description: 'The signed note itself: keep it, with the verifier key, to verify later.' })
  note: string;
}

@ObjectType({ description: 'The tamper-evident log of every event, in store order (RFC 9162).' })
export class TransparencyLogInfo {
  @Field({ description: "The log's name: the first line of its checkpoints." })
  origin: string;

  @Field({
    description:
      'The key that signs checkpoints, as a note verifier key (`<origin>+<key id>+<base64 Ed25519 key>`). ' +
      'Obtain it once, from a source you trust, and verify every checkpoint against it.',
  })
  verifierKey: string;

  @Field(() => Int, { description: 'Events logged so far.' })
  treeSize: number;

  @Field(() => Checkpoint, { nullable: true, description: 'The latest signed checkpoint.' })
  latestCheckpoint?: Checkpoint;
}

@ObjectType({ description: "An event's audit path: it is leaf leafIndex of the tree of treeSize events." })
export class InclusionProof {
  @Field(() => ID)
  eventId: string;

  @Field(() => Int)
  leafIndex: number;

  @Field(() => Int)
  treeSize: number;

  @Field({ description: "SHA-256(0x00 ‖ the event's canonical bytes), base64." })
  leafHash: string;

  @Field(() => [String], { description: 'The audit path, leaf to root, base64 (RFC 9162 §2.1.3).' })
  hashes: string[];
}

@ObjectType({ description: 'Proof that the log of toSize events extends the log of fromSize unchanged.' })
export class ConsistencyProof {
  @Field(() => Int)
  fromSize: number;

  @Field(() => Int)
  toSize: number;

  @Field(() => [String], { description: 'The proof, base64 (RFC 9162 §2.1.4).' })
  hashes: string[];

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'When a checkpoint was signed at both sizes: both, with the proof, as one file for ' +
      '`npm run verify-evidence` (null otherwise).',
  })
  bundle?: unknown;
}

@ObjectType({ description: "A record's events with their proofs against one signed checkpoint." })
export class RecordEvidence {
  @Field(() => Checkpoint)
  checkpoint: Checkpoint;

  @Field(() => Int, { description: 'How many events of the record the bundle proves.' })
  eventCount: number;

  @Field(() => Int, {
    description: "The record's events logged after the checkpoint: ask again once the next one is signed.",
  })
  pendingEvents: number;

  @Field({ nullable: true, description: 'Pass as `after` for the next events of a long record.' })
  endCursor?: string;

  @Field(() => JSONScalar, {
    description:
      'The evidence bundle (format tracker-evidence/1): save it as JSON and check it, offline, with ' +
      '`npm run verify-evidence -- bundle.json --key <verifierKey>`.',
  })
  bundle: unknown;
}
