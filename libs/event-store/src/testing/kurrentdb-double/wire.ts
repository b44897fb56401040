/**
 * Conversions between KurrentDB's protobuf messages and the double's in-memory log. Pure functions.
 */
import {
  type ExpectedState,
  type LogPosition,
  type ProposedEvent,
  type StoredEvent,
} from './in-memory-log.js';
import {
  Any,
  BAD_REQUEST_TYPE,
  BadRequestDetail,
  GoogleEmpty,
  ReadResp,
  RpcCode,
  SharedEmpty,
  Status,
  StreamDeleted,
  StreamIdentifier,
  UUID,
  WRONG_EXPECTED_VERSION_TYPE,
  WrongExpectedVersion,
} from './protocol.js';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const U64 = (1n << 64n) - 1n;

/** A request the double refuses the way KurrentDB does (a bad argument), with the reason. */
export class BadRequest extends Error {}

/** KurrentDB parses event ids as GUIDs and answers them in lower case. */
export function uuidFromWire(uuid: UUID | undefined): string {
  if (!uuid) throw new BadRequest('Required field Id not set.');
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const most = (BigInt(structured.getMostSignificantBits()) & U64).toString(16).padStart(16, '0');
    const least = (BigInt(structured.getLeastSignificantBits()) & U64).toString(16).padStart(16, '0');
    return `${most.slice(0, 8)}-${most.slice(8, 12)}-${most.slice(12)}-${least.slice(0, 4)}-${least.slice(4)}`;
  }
  const text = uuid.getString();
  if (!UUID_TEXT.test(text)) throw new BadRequest(`"${text}" is not a valid GUID.`);
  return text.toLowerCase();
}

export function uuidToWire(id: string, format: 'string' | 'structured'): UUID {
  const uuid = new UUID();
  if (format === 'string') return uuid.setString(id);
  const hex = id.replaceAll('-', '');
  const structured = new UUID.Structured()
    .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
    .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
  return uuid.setStructured(structured);
}

export function streamNameFromWire(identifier: InstanceType<typeof StreamIdentifier> | undefined): string {
  if (!identifier) throw new BadRequest('Required field StreamIdentifier not set.');
  const name = Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
  if (name.length === 0) throw new BadRequest('Stream name is empty.');
  return name;
}

export function streamIdentifierToWire(stream: string): InstanceType<typeof StreamIdentifier> {
  return new StreamIdentifier().setStreamName(Buffer.from(stream, 'utf8'));
}

/** A proposed message of Append or BatchAppend (both carry the same fields). */
interface WireProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export function proposedEventFromWire(message: WireProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  if (type === undefined) throw new BadRequest('Required metadata property "type" is missing.');
  const contentType = metadata.get('content-type');
  if (contentType === undefined)
    throw new BadRequest('Required metadata property "content-type" is missing.');
  return {
    id: uuidFromWire(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

export function recordedEventToWire(
  event: StoredEvent,
  uuidFormat: 'string' | 'structured',
): InstanceType<typeof ReadResp.ReadEvent> {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidToWire(event.id, uuidFormat))
    .setStreamIdentifier(streamIdentifierToWire(event.stream))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.commit.toString())
    .setPreparePosition(event.position.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.created.toString());
  return new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.commit.toString());
}

export function readEventResponse(event: StoredEvent, uuidFormat: 'string' | 'structured'): ReadResp {
  return new ReadResp().setEvent(recordedEventToWire(event, uuidFormat));
}

export function positionFromWire(position: {
  getCommitPosition(): string;
  getPreparePosition(): string;
}): LogPosition {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}

/** The shared WrongExpectedVersion detail BatchAppend packs into its error status. */
export function wrongExpectedVersionDetail(
  current: bigint | 'no_stream',
  expected: ExpectedState,
): InstanceType<typeof WrongExpectedVersion> {
  const detail = new WrongExpectedVersion();
  if (current === 'no_stream') detail.setCurrentNoStream(new GoogleEmpty());
  else detail.setCurrentStreamRevision(current.toString());
  switch (expected.kind) {
    case 'any':
      detail.setExpectedAny(new GoogleEmpty());
      break;
    case 'no_stream':
      detail.setExpectedNoStream(new GoogleEmpty());
      break;
    case 'stream_exists':
      detail.setExpectedStreamExists(new GoogleEmpty());
      break;
    case 'revision':
      detail.setExpectedStreamPosition(expected.revision.toString());
      break;
  }
  return detail;
}

export function wrongExpectedVersionStatus(
  current: bigint | 'no_stream',
  expected: ExpectedState,
): InstanceType<typeof Status> {
  const details = new Any();
  details.pack(wrongExpectedVersionDetail(current, expected).serializeBinary(), WRONG_EXPECTED_VERSION_TYPE);
  return new Status().setCode(RpcCode.ALREADY_EXISTS).setMessage('WrongExpectedVersion').setDetails(details);
}

export function badRequestStatus(message: string): InstanceType<typeof Status> {
  const details = new Any();
  details.pack(new BadRequestDetail().setMessage(message).serializeBinary(), BAD_REQUEST_TYPE);
  return new Status().setCode(RpcCode.INVALID_ARGUMENT).setMessage('BadRequest').setDetails(details);
}

export const sharedEmpty = (): InstanceType<typeof SharedEmpty> => new SharedEmpty();

/** A BatchAppend's answer to an append to a deleted (tombstoned) stream. */
export function streamDeletedStatus(stream: string): InstanceType<typeof Status> {
  const details = new Any();
  details.pack(
    new StreamDeleted().setStreamIdentifier(streamIdentifierToWire(stream)).serializeBinary(),
    'event_store.client.StreamDeleted',
  );
  return new Status().setCode(RpcCode.FAILED_PRECONDITION).setMessage('StreamDeleted').setDetails(details);
}
