/**
 * The double's implementation of KurrentDB's `event_store.client.streams.Streams` service: Read (streams
 * and $all, forwards and backwards, and catch-up-then-live subscriptions to $all), Append, BatchAppend,
 * Delete (soft) and Tombstone (hard). Filtered reads and subscriptions to a single stream answer
 * UNIMPLEMENTED.
 */
import { randomUUID } from 'node:crypto';
import {
  appendSize,
  batchAppendRefusal,
  callRefusal,
  faultFor,
  tooLargeStatus,
  type DoubleFault,
} from './faults.js';
import {
  Metadata,
  status,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import {
  type AllReadFrom,
  type ExpectedState,
  InMemoryLog,
  type LogPosition,
  type ProposedEvent,
  type StoredEvent,
  type StreamReadFrom,
} from './in-memory-log.js';
import {
  AllStreamPosition,
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  GoogleEmpty,
  ReadReq,
  ReadResp,
  SharedEmpty,
  Timestamp,
  TombstoneReq,
  TombstoneResp,
} from './protocol.js';
import {
  BadRequest,
  badRequestStatus,
  positionFromWire,
  proposedEventFromWire,
  readEventResponse,
  streamIdentifierToWire,
  streamDeletedStatus,
  streamNameFromWire,
  uuidFromWire,
  wrongExpectedVersionDetail,
  wrongExpectedVersionStatus,
} from './wire.js';

type Options = InstanceType<typeof ReadReq.Options>;
type UuidFormat = 'string' | 'structured';

export interface StreamsServiceHooks {
  /**
   * Called for every open subscription with its cleanup (a stopped server ends them) and a way to silence
   * it (it stays open and sends nothing more); returns the untracking.
   */
  trackSubscription(end: () => void, silence: () => void): () => void;
  /** The fault the double answers with now, if any (see faults.ts). */
  fault(): DoubleFault | undefined;
  /** The largest append accepted, in bytes of data and metadata (KurrentDB's `MaxAppendSize`). */
  maxAppendSize: number;
}

export function streamsService(log: InMemoryLog, hooks: StreamsServiceHooks): UntypedServiceImplementation {
  return {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => read(log, hooks, call),
    append: (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) =>
      append(log, hooks, call, callback),
    batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => batchAppend(log, hooks, call),
    delete: (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>) =>
      remove(log, hooks, call.request.getOptions(), callback, 'soft'),
    tombstone: (call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>) =>
      remove(log, hooks, call.request.getOptions(), callback, 'tombstone'),
  };
}

/** The "stream deleted" refusal of a call, as KurrentDB sends it (the client makes it StreamDeletedError). */
function streamDeletedError(stream: string) {
  const metadata = new Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', stream);
  return { code: status.FAILED_PRECONDITION, details: `Event stream '${stream}' is deleted.`, metadata };
}

/** The wrong-expected-version refusal of a call (Delete, Tombstone), with KurrentDB's trailers. */
function wrongExpectedVersionError(stream: string, current: bigint | 'no_stream', expected: ExpectedState) {
  const metadata = new Metadata();
  metadata.set('exception', 'wrong-expected-version');
  metadata.set('stream-name', stream);
  metadata.set('actual-version', current === 'no_stream' ? '-1' : current.toString());
  metadata.set('expected-version', expected.kind === 'revision' ? expected.revision.toString() : '-2');
  return { code: status.FAILED_PRECONDITION, details: 'Wrong expected version.', metadata };
}

type DeleteOptions = InstanceType<typeof DeleteReq.Options> | InstanceType<typeof TombstoneReq.Options>;

/** Delete (soft) and Tombstone: checked against the expected state, answered with the log's position. */
function remove<T extends DeleteResp | TombstoneResp>(
  log: InMemoryLog,
  hooks: StreamsServiceHooks,
  options: DeleteOptions | undefined,
  callback: sendUnaryData<T>,
  how: 'soft' | 'tombstone',
) {
  const refusal = callRefusal(hooks.fault(), 'append');
  if (refusal) return callback(refusal);
  if (!options)
    return callback({ code: status.INVALID_ARGUMENT, details: 'Required field Options not set.' });
  const stream = streamNameFromWire(options.getStreamIdentifier());
  const cases = DeleteReq.Options.ExpectedStreamRevisionCase;
  const expected: ExpectedState =
    options.getExpectedStreamRevisionCase() === cases.REVISION
      ? { kind: 'revision', revision: BigInt(options.getRevision()) }
      : options.getExpectedStreamRevisionCase() === cases.NO_STREAM
        ? { kind: 'no_stream' }
        : options.getExpectedStreamRevisionCase() === cases.STREAM_EXISTS
          ? { kind: 'stream_exists' }
          : { kind: 'any' };
  const outcome = how === 'soft' ? log.softDelete(stream, expected) : log.tombstone(stream, expected);
  if (outcome.kind === 'stream_deleted') return callback(streamDeletedError(stream));
  if (outcome.kind === 'wrong_expected_version') {
    return callback(wrongExpectedVersionError(stream, outcome.current, outcome.expected));
  }
  const Response = how === 'soft' ? DeleteResp : TombstoneResp;
  const position = new Response.Position()
    .setCommitPosition(outcome.position.commit.toString())
    .setPreparePosition(outcome.position.prepare.toString());
  callback(null, new Response().setPosition(position) as T);
}

function fail(
  call: ServerWritableStream<ReadReq, ReadResp>,
  code: status,
  details: string,
  metadata?: Metadata,
) {
  call.emit('error', { code, details, metadata });
}

// ---------------------------------------------------------------------------------------------------- Read

function read(log: InMemoryLog, hooks: StreamsServiceHooks, call: ServerWritableStream<ReadReq, ReadResp>) {
  const refusal = callRefusal(hooks.fault(), 'read');
  if (refusal) return fail(call, refusal.code, refusal.details, refusal.metadata);
  const options = call.request.getOptions();
  if (!options) return fail(call, status.INVALID_ARGUMENT, 'Required field Options not set.');
  if (options.getFilterOptionCase() === ReadReq.Options.FilterOptionCase.FILTER) {
    return fail(
      call,
      status.UNIMPLEMENTED,
      'The KurrentDB protocol double does not implement filtered reads.',
    );
  }
  const uuidFormat: UuidFormat =
    options.getUuidOption()?.getContentCase() === ReadReq.Options.UUIDOption.ContentCase.STRUCTURED
      ? 'structured'
      : 'string';
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const subscription = options.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION;

  try {
    switch (options.getStreamOptionCase()) {
      case ReadReq.Options.StreamOptionCase.STREAM:
        if (subscription) {
          return fail(
            call,
            status.UNIMPLEMENTED,
            'The KurrentDB protocol double does not implement stream subscriptions.',
          );
        }
        return readStream(log, call, options, forwards, uuidFormat);
      case ReadReq.Options.StreamOptionCase.ALL:
        if (subscription) {
          if (!forwards) return fail(call, status.INVALID_ARGUMENT, 'Subscriptions read forwards.');
          return subscribeToAll(log, hooks, call, options, uuidFormat);
        }
        return readAll(log, call, options, forwards, uuidFormat);
      default:
        return fail(call, status.INVALID_ARGUMENT, 'Required field StreamOption not set.');
    }
  } catch (error) {
    if (error instanceof BadRequest) return fail(call, status.INVALID_ARGUMENT, error.message);
    throw error;
  }
}

function readStream(
  log: InMemoryLog,
  call: ServerWritableStream<ReadReq, ReadResp>,
  options: Options,
  forwards: boolean,
  uuidFormat: UuidFormat,
) {
  const streamOptions = options.getStream()!;
  const stream = streamNameFromWire(streamOptions.getStreamIdentifier());
  const cases = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const from: StreamReadFrom =
    streamOptions.getRevisionOptionCase() === cases.REVISION
      ? BigInt(streamOptions.getRevision())
      : streamOptions.getRevisionOptionCase() === cases.END
        ? 'end'
        : 'start';
  const events = log.readStream(
    stream,
    forwards ? 'forwards' : 'backwards',
    from,
    BigInt(options.getCount()),
  );
  if (events === 'deleted') {
    const deleted = streamDeletedError(stream);
    return fail(call, deleted.code, deleted.details, deleted.metadata);
  }
  if (events === undefined) {
    // Clients that declare compatibility 1 (the Rust core the Node client reads through) get a message;
    // older ones get the NotFound status with KurrentDB's "exception" trailer.
    if ((options.getControlOption()?.getCompatibility() ?? 0) >= 1) {
      call.write(
        new ReadResp().setStreamNotFound(
          new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifierToWire(stream)),
        ),
      );
      return call.end();
    }
    const metadata = new Metadata();
    metadata.set('exception', 'stream-not-found');
    metadata.set('stream-name', stream);
    return fail(call, status.NOT_FOUND, `Event stream '${stream}' is not found.`, metadata);
  }
  for (const event of events) call.write(readEventResponse(event, uuidFormat));
  call.end();
}

function allReadFrom(options: Options): AllReadFrom {
  const all = options.getAll()!;
  const cases = ReadReq.Options.AllOptions.AllOptionCase;
  switch (all.getAllOptionCase()) {
    case cases.POSITION:
      return positionFromWire(all.getPosition()!);
    case cases.END:
      return 'end';
    default:
      return 'start';
  }
}

function readAll(
  log: InMemoryLog,
  call: ServerWritableStream<ReadReq, ReadResp>,
  options: Options,
  forwards: boolean,
  uuidFormat: UuidFormat,
) {
  const events = log.readAll(
    forwards ? 'forwards' : 'backwards',
    allReadFrom(options),
    BigInt(options.getCount()),
  );
  for (const event of events) call.write(readEventResponse(event, uuidFormat));
  call.end();
}

/**
 * A catch-up subscription to $all, as KurrentDB runs it: the confirmation, every event after the start
 * (exclusive of a given position), a "caught up" message, then live events as they are written. The snapshot
 * of history and the registration for live events happen in one synchronous step, so nothing falls between.
 */
function subscribeToAll(
  log: InMemoryLog,
  hooks: StreamsServiceHooks,
  call: ServerWritableStream<ReadReq, ReadResp>,
  options: Options,
  uuidFormat: UuidFormat,
) {
  const from = allReadFrom(options);
  let lastSent: LogPosition | undefined =
    from === 'start' ? undefined : from === 'end' ? log.lastPosition() : from;
  const history = from === 'end' ? [] : log.eventsAfter(lastSent);

  const send = (event: StoredEvent) => {
    call.write(readEventResponse(event, uuidFormat));
    lastSent = event.position;
  };
  const stopListening = log.onAppended((events) => events.forEach(send));
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    stopListening();
    untrack();
  };
  const untrack = hooks.trackSubscription(end, stopListening);
  call.on('cancelled', end);
  call.on('close', end);
  call.on('error', end);

  call.write(
    new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())),
  );
  history.forEach(send);
  const caughtUp = new ReadResp.CaughtUp().setTimestamp(Timestamp.fromDate(new Date()));
  const at = lastSent ?? { commit: 0n, prepare: 0n };
  caughtUp.setPosition(
    new ReadResp.Position().setCommitPosition(at.commit.toString()).setPreparePosition(at.prepare.toString()),
  );
  call.write(new ReadResp().setCaughtUp(caughtUp));
}

// -------------------------------------------------------------------------------------------------- Append

function expectedFromAppendOptions(options: InstanceType<typeof AppendReq.Options>): ExpectedState {
  const cases = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case cases.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case cases.NO_STREAM:
      return { kind: 'no_stream' };
    case cases.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case cases.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequest('Required field ExpectedStreamRevision not set.');
  }
}

/** The unary (client-streaming) append: an options message, then one message per event. */
function append(
  log: InMemoryLog,
  hooks: StreamsServiceHooks,
  call: ServerReadableStream<AppendReq, AppendResp>,
  callback: sendUnaryData<AppendResp>,
) {
  let target: { stream: string; expected: ExpectedState } | undefined;
  const events: ProposedEvent[] = [];
  let failed = false;
  const refuse = (details: string) => {
    if (failed) return;
    failed = true;
    callback({ code: status.INVALID_ARGUMENT, details });
  };

  call.on('data', (request: AppendReq) => {
    if (failed) return;
    try {
      if (request.getContentCase() === AppendReq.ContentCase.OPTIONS) {
        const options = request.getOptions()!;
        target = {
          stream: streamNameFromWire(options.getStreamIdentifier()),
          expected: expectedFromAppendOptions(options),
        };
      } else if (request.getContentCase() === AppendReq.ContentCase.PROPOSED_MESSAGE) {
        if (!target) throw new BadRequest('The first message of an append carries its options.');
        events.push(proposedEventFromWire(request.getProposedMessage()!));
      }
    } catch (error) {
      if (error instanceof BadRequest) refuse(error.message);
      else throw error;
    }
  });
  call.on('end', () => {
    if (failed) return;
    if (!target) return refuse('The first message of an append carries its options.');
    const fault = faultFor(hooks.fault(), target.stream);
    const refusal = callRefusal(fault, 'append');
    if (refusal) return callback(refusal);
    if (fault?.kind === 'not-ready' || fault?.kind === 'too-busy') {
      return callback({ code: status.UNAVAILABLE, details: batchAppendRefusal(fault)!.getMessage() });
    }
    if (appendSize(events) > hooks.maxAppendSize) {
      const metadata = new Metadata();
      metadata.set('exception', 'maximum-append-size-exceeded');
      metadata.set('maximum-append-size', String(hooks.maxAppendSize));
      return callback({ code: status.INVALID_ARGUMENT, details: 'Maximum Append Size Exceeded', metadata });
    }
    if (fault?.kind === 'commit-timeout') {
      if (fault.landsAnyway) log.append(target.stream, target.expected, events);
      return callback({ code: status.DEADLINE_EXCEEDED, details: 'Timeout' });
    }
    const outcome = log.append(target.stream, target.expected, events);
    if (outcome.kind === 'stream_deleted') return callback(streamDeletedError(target.stream));
    const response = new AppendResp();
    if (outcome.kind === 'wrong_expected_version') {
      const detail = wrongExpectedVersionDetail(outcome.current, outcome.expected);
      const wrong = new AppendResp.WrongExpectedVersion();
      if (detail.hasCurrentStreamRevision()) wrong.setCurrentRevision(detail.getCurrentStreamRevision());
      else wrong.setCurrentNoStream(new SharedEmpty());
      if (detail.hasExpectedStreamPosition()) wrong.setExpectedRevision(detail.getExpectedStreamPosition());
      else if (detail.hasExpectedNoStream()) wrong.setExpectedNoStream(new SharedEmpty());
      else if (detail.hasExpectedStreamExists()) wrong.setExpectedStreamExists(new SharedEmpty());
      else wrong.setExpectedAny(new SharedEmpty());
      return callback(null, response.setWrongExpectedVersion(wrong));
    }
    const success = new AppendResp.Success();
    if (outcome.currentRevision < 0n) success.setNoStream(new SharedEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    success.setPosition(
      new AppendResp.Position()
        .setCommitPosition(outcome.position.commit.toString())
        .setPreparePosition(outcome.position.prepare.toString()),
    );
    callback(null, response.setSuccess(success));
  });
}

function expectedFromBatchOptions(options: InstanceType<typeof BatchAppendReq.Options>): ExpectedState {
  const cases = BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case cases.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case cases.NO_STREAM:
      return { kind: 'no_stream' };
    case cases.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case cases.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequest('Required field ExpectedStreamPosition not set.');
  }
}

/**
 * BatchAppend: one long-lived bidirectional stream per connection; each append is a run of requests sharing
 * a correlation id (options on the first, `is_final` on the last), answered by one response.
 */
function batchAppend(
  log: InMemoryLog,
  hooks: StreamsServiceHooks,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
) {
  const pending = new Map<string, { stream: string; expected: ExpectedState; events: ProposedEvent[] }>();

  call.on('data', (request: BatchAppendReq) => {
    const response = new BatchAppendResp().setCorrelationId(request.getCorrelationId());
    let stream: string | undefined;
    try {
      const correlationId = uuidFromWire(request.getCorrelationId());
      const options = request.getOptions();
      if (options) {
        stream = streamNameFromWire(options.getStreamIdentifier());
        pending.set(correlationId, { stream, expected: expectedFromBatchOptions(options), events: [] });
      }
      const write = pending.get(correlationId);
      if (!write) return;
      stream = write.stream;
      for (const message of request.getProposedMessagesList())
        write.events.push(proposedEventFromWire(message));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);

      response.setStreamIdentifier(streamIdentifierToWire(write.stream));
      const fault = faultFor(hooks.fault(), write.stream);
      const refusal = callRefusal(fault, 'append');
      if (refusal) {
        // A whole-call refusal ends the BatchAppend stream: every append waiting on it fails with it.
        call.emit('error', refusal);
        return;
      }
      if (appendSize(write.events) > hooks.maxAppendSize) {
        call.write(response.setError(tooLargeStatus(hooks.maxAppendSize)));
        return;
      }
      const faultStatus = batchAppendRefusal(fault);
      if (faultStatus) {
        if (fault?.kind === 'commit-timeout' && fault.landsAnyway) {
          log.append(write.stream, write.expected, write.events);
        }
        call.write(response.setError(faultStatus));
        return;
      }
      const outcome = log.append(write.stream, write.expected, write.events);
      if (outcome.kind === 'stream_deleted') {
        call.write(response.setError(streamDeletedStatus(write.stream)));
        return;
      }
      if (outcome.kind === 'wrong_expected_version') {
        call.write(response.setError(wrongExpectedVersionStatus(outcome.current, outcome.expected)));
        return;
      }
      const success = new BatchAppendResp.Success();
      if (outcome.currentRevision < 0n) success.setNoStream(new GoogleEmpty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      success.setPosition(
        new AllStreamPosition()
          .setCommitPosition(outcome.position.commit.toString())
          .setPreparePosition(outcome.position.prepare.toString()),
      );
      call.write(response.setSuccess(success));
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      if (stream) response.setStreamIdentifier(streamIdentifierToWire(stream));
      call.write(response.setError(badRequestStatus(error.message)));
    }
  });
  call.on('end', () => call.end());
  call.on('error', () => pending.clear());
}
