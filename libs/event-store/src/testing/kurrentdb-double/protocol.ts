/**
 * KurrentDB's v1 gRPC protocol as the official client ships it: the generated grpc-js service definitions
 * and protobuf message classes inside @kurrent/kurrentdb-client. The double serves these very definitions,
 * so the bytes on the wire are the ones the client expects. (CommonJS modules: the default import is the
 * module's exports.)
 */
import gossipGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_grpc_pb.js';
import gossipPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_pb.js';
import serverFeaturesGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb.js';
import sharedPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import statusPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb.js';
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streamsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
// google-protobuf comes with the client (its generated code is built on it).
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import timestampPb from 'google-protobuf/google/protobuf/timestamp_pb.js';

export const { StreamsService } = streamsGrpc;
export const { ServerFeaturesService } = serverFeaturesGrpc;
export const { GossipService } = gossipGrpc;
export const { ClusterInfo, MemberInfo, EndPoint } = gossipPb;
export const {
  ReadReq,
  ReadResp,
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  TombstoneReq,
  TombstoneResp,
} = streamsPb;
export const { SupportedMethods, SupportedMethod } = serverFeaturesPb;
export const { UUID, StreamIdentifier, AllStreamPosition, WrongExpectedVersion, StreamDeleted } = sharedPb;
export const SharedEmpty = sharedPb.Empty;
export const SharedTimeout = sharedPb.Timeout;
export const SharedMaximumAppendSizeExceeded = sharedPb.MaximumAppendSizeExceeded;
export const BadRequestDetail = sharedPb.BadRequest;
export const { Status } = statusPb;
export const { Any } = anyPb;
export const GoogleEmpty = emptyPb.Empty;
export const { Timestamp } = timestampPb;

export type ReadReq = InstanceType<typeof ReadReq>;
export type ReadResp = InstanceType<typeof ReadResp>;
export type AppendReq = InstanceType<typeof AppendReq>;
export type AppendResp = InstanceType<typeof AppendResp>;
export type BatchAppendReq = InstanceType<typeof BatchAppendReq>;
export type BatchAppendResp = InstanceType<typeof BatchAppendResp>;
export type UUID = InstanceType<typeof UUID>;
export type DeleteReq = InstanceType<typeof DeleteReq>;
export type DeleteResp = InstanceType<typeof DeleteResp>;
export type TombstoneReq = InstanceType<typeof TombstoneReq>;
export type TombstoneResp = InstanceType<typeof TombstoneResp>;

/** google.rpc.Code values KurrentDB puts in a BatchAppendResp error status. */
export const RpcCode = {
  INVALID_ARGUMENT: 3,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
} as const;

/** Full protobuf name of the WrongExpectedVersion detail (the type URL's last segment). */
export const WRONG_EXPECTED_VERSION_TYPE = 'event_store.client.WrongExpectedVersion';
export const BAD_REQUEST_TYPE = 'event_store.client.BadRequest';
