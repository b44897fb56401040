import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../records/connection.types.js';
import { JSONScalar } from './json.scalar.js';

@ObjectType({ description: 'One event of a record: who recorded what, when, citing what (sources in data).' })
export class HistoryEvent {
  @Field(() => ID)
  recordId: string;

  @Field({ description: 'The event type, e.g. RecordCorrected.' })
  type: string;

  @Field({ description: 'When the tracker recorded it (store clock).' })
  recordedAt: Date;

  @Field({ nullable: true, description: 'Who: the API token or CLI user.' })
  actor?: string;

  @Field(() => JSONScalar, { description: 'The event data as recorded: changes, reason, sources...' })
  data: unknown;

  @Field(() => JSONScalar, { description: 'commandId, commandType, schemaVersion, correlation ids...' })
  metadata: unknown;

  @Field({ description: 'Position in the global order (opaque; compare as strings).' })
  position: string;

  @Field(() => Int, { description: "0-based revision in the record's stream." })
  revision: number;

  @Field(() => ID)
  eventId: string;

  @Field({
    description: "The record's stream in the event store (part of what the transparency log hashes).",
  })
  stream: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Its leaf in the transparency log (null only while the log catches up): ask inclusionProof for its ' +
      'audit path, or recordEvidence for all of them.',
  })
  leafIndex?: number;
}

@ObjectType({ description: "A page of a record's events, oldest first." })
export class HistoryConnection extends Connection(HistoryEvent, 'HistoryEvent') {}
