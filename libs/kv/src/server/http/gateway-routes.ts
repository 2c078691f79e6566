/**
 * The grpc-gateway routes of etcd 3.4 (rpc.pb.gw.go): every POST path under
 * /v3/ (and the older /v3beta/) and the gRPC method it calls. `stream`
 * says how the call streams: 'bidi' (watch, keep-alive: the body may hold
 * several JSON requests; answers are JSON lines `{"result": ...}`) or
 * 'server' (snapshot).
 */
import { GATEWAY_AUTH_ROUTES } from './gateway-auth-routes.js';

export interface GatewayRoute {
  /** gRPC method path, e.g. /etcdserverpb.KV/Range. */
  readonly method: string;
  readonly request: string;
  readonly response: string;
  readonly stream?: 'bidi' | 'server';
  /** For bidi streams: whether the end of the HTTP body half-closes the call (watch stays open until the client leaves). */
  readonly halfCloseOnBodyEnd?: boolean;
}

const route = (service: string, name: string, request: string, response: string, extra: Partial<GatewayRoute> = {}): GatewayRoute => ({
  method: `/etcdserverpb.${service}/${name}`,
  request: `etcdserverpb.${request}`,
  response: `etcdserverpb.${response}`,
  ...extra,
});

/** A route of etcd's v3lock and v3election gateways (same /v3/ prefix). */
const concurrency = (pkg: string, service: string, name: string, request: string, response: string): GatewayRoute => ({
  method: `/${pkg}.${service}/${name}`,
  request: `${pkg}.${request}`,
  response: `${pkg}.${response}`,
});

const leaseRevoke = route('Lease', 'LeaseRevoke', 'LeaseRevokeRequest', 'LeaseRevokeResponse');
const leaseTimeToLive = route('Lease', 'LeaseTimeToLive', 'LeaseTimeToLiveRequest', 'LeaseTimeToLiveResponse');
const leaseLeases = route('Lease', 'LeaseLeases', 'LeaseLeasesRequest', 'LeaseLeasesResponse');

/** Path after the version prefix (`/v3` or `/v3beta`) -> route. */
export const GATEWAY_ROUTES: ReadonlyMap<string, GatewayRoute> = new Map([
  ['/kv/range', route('KV', 'Range', 'RangeRequest', 'RangeResponse')],
  ['/kv/put', route('KV', 'Put', 'PutRequest', 'PutResponse')],
  ['/kv/deleterange', route('KV', 'DeleteRange', 'DeleteRangeRequest', 'DeleteRangeResponse')],
  ['/kv/txn', route('KV', 'Txn', 'TxnRequest', 'TxnResponse')],
  ['/kv/compaction', route('KV', 'Compact', 'CompactionRequest', 'CompactionResponse')],
  ['/watch', route('Watch', 'Watch', 'WatchRequest', 'WatchResponse', { stream: 'bidi', halfCloseOnBodyEnd: false })],
  ['/lease/grant', route('Lease', 'LeaseGrant', 'LeaseGrantRequest', 'LeaseGrantResponse')],
  ['/lease/revoke', leaseRevoke],
  ['/kv/lease/revoke', leaseRevoke],
  ['/lease/keepalive', route('Lease', 'LeaseKeepAlive', 'LeaseKeepAliveRequest', 'LeaseKeepAliveResponse', { stream: 'bidi', halfCloseOnBodyEnd: true })],
  ['/lease/timetolive', leaseTimeToLive],
  ['/kv/lease/timetolive', leaseTimeToLive],
  ['/lease/leases', leaseLeases],
  ['/kv/lease/leases', leaseLeases],
  ['/cluster/member/add', route('Cluster', 'MemberAdd', 'MemberAddRequest', 'MemberAddResponse')],
  ['/cluster/member/remove', route('Cluster', 'MemberRemove', 'MemberRemoveRequest', 'MemberRemoveResponse')],
  ['/cluster/member/update', route('Cluster', 'MemberUpdate', 'MemberUpdateRequest', 'MemberUpdateResponse')],
  ['/cluster/member/list', route('Cluster', 'MemberList', 'MemberListRequest', 'MemberListResponse')],
  ['/cluster/member/promote', route('Cluster', 'MemberPromote', 'MemberPromoteRequest', 'MemberPromoteResponse')],
  ['/maintenance/alarm', route('Maintenance', 'Alarm', 'AlarmRequest', 'AlarmResponse')],
  ['/maintenance/status', route('Maintenance', 'Status', 'StatusRequest', 'StatusResponse')],
  ['/maintenance/defragment', route('Maintenance', 'Defragment', 'DefragmentRequest', 'DefragmentResponse')],
  // etcd 3.4 maps both Hash and HashKV to this path; Hash answers it.
  ['/maintenance/hash', route('Maintenance', 'Hash', 'HashRequest', 'HashResponse')],
  ['/maintenance/snapshot', route('Maintenance', 'Snapshot', 'SnapshotRequest', 'SnapshotResponse', { stream: 'server' })],
  ['/maintenance/transfer-leadership', route('Maintenance', 'MoveLeader', 'MoveLeaderRequest', 'MoveLeaderResponse')],
  ['/lock/lock', concurrency('v3lockpb', 'Lock', 'Lock', 'LockRequest', 'LockResponse')],
  ['/lock/unlock', concurrency('v3lockpb', 'Lock', 'Unlock', 'UnlockRequest', 'UnlockResponse')],
  ['/election/campaign', concurrency('v3electionpb', 'Election', 'Campaign', 'CampaignRequest', 'CampaignResponse')],
  ['/election/proclaim', concurrency('v3electionpb', 'Election', 'Proclaim', 'ProclaimRequest', 'ProclaimResponse')],
  ['/election/leader', concurrency('v3electionpb', 'Election', 'Leader', 'LeaderRequest', 'LeaderResponse')],
  ['/election/observe', { ...concurrency('v3electionpb', 'Election', 'Observe', 'LeaderRequest', 'LeaderResponse'), stream: 'server' }],
  ['/election/resign', concurrency('v3electionpb', 'Election', 'Resign', 'ResignRequest', 'ResignResponse')],
  ...GATEWAY_AUTH_ROUTES,
]);

/** The version prefixes etcd 3.4's gateway serves. */
export const GATEWAY_PREFIXES = ['/v3', '/v3beta'] as const;

/** The route for an HTTP path, if it is a gateway path. */
export function gatewayRoute(pathname: string): GatewayRoute | undefined {
  for (const prefix of GATEWAY_PREFIXES) {
    if (pathname.startsWith(`${prefix}/`)) return GATEWAY_ROUTES.get(pathname.slice(prefix.length));
  }
  return undefined;
}
