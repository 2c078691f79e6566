/**
 * gRPC service definitions for etcd's services, built from the static
 * protobufjs codecs (no proto-loader reflection): each method's path is
 * etcd's (/etcdserverpb.KV/Range ...) and its (de)serializers are the
 * generated encode/decode.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { etcdserverpb } from '@mgmt/proto';
import { encodeRangeResponseOut, type RangeResponseOut } from './range-encoding.js';
import { encodeWatchResponseOut, type WatchResponseOut } from './watch-encoding.js';

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function method<Req, Res>(
  service: string,
  name: string,
  req: Codec<Req>,
  res: Codec<Res>,
  streams: { request?: boolean; response?: boolean } = {},
): MethodDefinition<Req, Res> {
  return {
    path: `/etcdserverpb.${service}/${name}`,
    requestStream: Boolean(streams.request),
    responseStream: Boolean(streams.response),
    requestSerialize: (m: Req) => toBuffer(req.encode(m).finish()),
    requestDeserialize: (b: Buffer) => req.decode(b),
    responseSerialize: (m: Res) => toBuffer(res.encode(m).finish()),
    responseDeserialize: (b: Buffer) => res.decode(b),
    originalName: name.charAt(0).toLowerCase() + name.slice(1),
  };
}

const pb = etcdserverpb;

/** etcdserverpb.KV */
export const KvService = {
  // Responses may come encoded already (each stored KeyValue encoded once: range-encoding.ts).
  Range: method('KV', 'Range', pb.RangeRequest, { encode: (m: RangeResponseOut) => ({ finish: () => encodeRangeResponseOut(m) }), decode: (b: Uint8Array) => pb.RangeResponse.decode(b) }),
  Put: method('KV', 'Put', pb.PutRequest, pb.PutResponse),
  DeleteRange: method('KV', 'DeleteRange', pb.DeleteRangeRequest, pb.DeleteRangeResponse),
  Txn: method('KV', 'Txn', pb.TxnRequest, pb.TxnResponse),
  Compact: method('KV', 'Compact', pb.CompactionRequest, pb.CompactionResponse),
} satisfies ServiceDefinition;

/** etcdserverpb.Watch */
export const WatchService = {
  // Responses may come encoded already (events encoded once for all watchers: watch-encoding.ts).
  Watch: method('Watch', 'Watch', pb.WatchRequest, { encode: (m: WatchResponseOut) => ({ finish: () => encodeWatchResponseOut(m) }), decode: (b: Uint8Array) => pb.WatchResponse.decode(b) }, { request: true, response: true }),
} satisfies ServiceDefinition;

/** etcdserverpb.Lease */
export const LeaseService = {
  LeaseGrant: method('Lease', 'LeaseGrant', pb.LeaseGrantRequest, pb.LeaseGrantResponse),
  LeaseRevoke: method('Lease', 'LeaseRevoke', pb.LeaseRevokeRequest, pb.LeaseRevokeResponse),
  LeaseKeepAlive: method('Lease', 'LeaseKeepAlive', pb.LeaseKeepAliveRequest, pb.LeaseKeepAliveResponse, { request: true, response: true }),
  LeaseTimeToLive: method('Lease', 'LeaseTimeToLive', pb.LeaseTimeToLiveRequest, pb.LeaseTimeToLiveResponse),
  LeaseLeases: method('Lease', 'LeaseLeases', pb.LeaseLeasesRequest, pb.LeaseLeasesResponse),
} satisfies ServiceDefinition;

/** etcdserverpb.Cluster */
export const ClusterService = {
  MemberAdd: method('Cluster', 'MemberAdd', pb.MemberAddRequest, pb.MemberAddResponse),
  MemberRemove: method('Cluster', 'MemberRemove', pb.MemberRemoveRequest, pb.MemberRemoveResponse),
  MemberUpdate: method('Cluster', 'MemberUpdate', pb.MemberUpdateRequest, pb.MemberUpdateResponse),
  MemberList: method('Cluster', 'MemberList', pb.MemberListRequest, pb.MemberListResponse),
  MemberPromote: method('Cluster', 'MemberPromote', pb.MemberPromoteRequest, pb.MemberPromoteResponse),
} satisfies ServiceDefinition;

/** etcdserverpb.Maintenance (the methods we serve). */
export const MaintenanceService = {
  Alarm: method('Maintenance', 'Alarm', pb.AlarmRequest, pb.AlarmResponse),
  Status: method('Maintenance', 'Status', pb.StatusRequest, pb.StatusResponse),
  Defragment: method('Maintenance', 'Defragment', pb.DefragmentRequest, pb.DefragmentResponse),
  HashKV: method('Maintenance', 'HashKV', pb.HashKVRequest, pb.HashKVResponse),
  Hash: method('Maintenance', 'Hash', pb.HashRequest, pb.HashResponse),
  Snapshot: method('Maintenance', 'Snapshot', pb.SnapshotRequest, pb.SnapshotResponse, { response: true }),
  MoveLeader: method('Maintenance', 'MoveLeader', pb.MoveLeaderRequest, pb.MoveLeaderResponse),
} satisfies ServiceDefinition;

/** etcdserverpb.Auth */
export const AuthService = {
  AuthEnable: method('Auth', 'AuthEnable', pb.AuthEnableRequest, pb.AuthEnableResponse),
  AuthDisable: method('Auth', 'AuthDisable', pb.AuthDisableRequest, pb.AuthDisableResponse),
  AuthStatus: method('Auth', 'AuthStatus', pb.AuthStatusRequest, pb.AuthStatusResponse),
  Authenticate: method('Auth', 'Authenticate', pb.AuthenticateRequest, pb.AuthenticateResponse),
  UserAdd: method('Auth', 'UserAdd', pb.AuthUserAddRequest, pb.AuthUserAddResponse),
  UserGet: method('Auth', 'UserGet', pb.AuthUserGetRequest, pb.AuthUserGetResponse),
  UserList: method('Auth', 'UserList', pb.AuthUserListRequest, pb.AuthUserListResponse),
  UserDelete: method('Auth', 'UserDelete', pb.AuthUserDeleteRequest, pb.AuthUserDeleteResponse),
  UserChangePassword: method('Auth', 'UserChangePassword', pb.AuthUserChangePasswordRequest, pb.AuthUserChangePasswordResponse),
  UserGrantRole: method('Auth', 'UserGrantRole', pb.AuthUserGrantRoleRequest, pb.AuthUserGrantRoleResponse),
  UserRevokeRole: method('Auth', 'UserRevokeRole', pb.AuthUserRevokeRoleRequest, pb.AuthUserRevokeRoleResponse),
  RoleAdd: method('Auth', 'RoleAdd', pb.AuthRoleAddRequest, pb.AuthRoleAddResponse),
  RoleGet: method('Auth', 'RoleGet', pb.AuthRoleGetRequest, pb.AuthRoleGetResponse),
  RoleList: method('Auth', 'RoleList', pb.AuthRoleListRequest, pb.AuthRoleListResponse),
  RoleDelete: method('Auth', 'RoleDelete', pb.AuthRoleDeleteRequest, pb.AuthRoleDeleteResponse),
  RoleGrantPermission: method('Auth', 'RoleGrantPermission', pb.AuthRoleGrantPermissionRequest, pb.AuthRoleGrantPermissionResponse),
  RoleRevokePermission: method('Auth', 'RoleRevokePermission', pb.AuthRoleRevokePermissionRequest, pb.AuthRoleRevokePermissionResponse),
} satisfies ServiceDefinition;
