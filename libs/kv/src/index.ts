/** Public API of @mgmt/kv: the MVCC store, its Raft commands, and the etcd v3 gRPC server. */
export { KvStore, MAX_LEASE_TTL_SECONDS, type ApplyResponse, type ApplyResult, type RangeAnswer } from './store.js';
export { COMMAND_VERSION, MAX_REQUEST_BYTES, decodeCommand, encodeCommand, type DecodedCommand } from './command.js';
export { LeaseClock, type LeaseTimeToLive } from './lease-clock.js';
export type { Lease } from './lease-table.js';
export type { WatchDelivery, WatchOptions, WatchSink, Watcher } from './watch-hub.js';
export type { KeyRecord } from './key-history.js';
export { CommandDecodeError, EtcdError, Errors, GrpcCode, SnapshotDecodeError } from './errors.js';
export { AssertionError } from './assert.js';
export { MAX_TXN_OPS, checkDeleteRange, checkPut, checkRange, checkTxn } from './validate.js';
export { prefixEnd } from './keys.js';
export type * from './types.js';
export { createEtcdServer, type EtcdServer, type EtcdServerOptions } from './server/server.js';
export { CLUSTER_ID_METADATA, clusterGuardInterceptor, isForeignCluster, type ClusterGuardOptions } from './server/cluster-guard.js';
export { CLIENT_CERT_REQUIRED, CLIENT_CERT_REVOKED, type EtcdServerTls } from './server/tls.js';
export type { BackendStatus, EtcdBackend, HeaderInfo, MemberInfo } from './server/backend.js';
export { ETCD_COMPATIBLE_VERSION, LocalBackend, type LocalBackendOptions } from './server/local-backend.js';
export { ClusterService, KvService, LeaseService, MaintenanceService, WatchService } from './server/services.js';
export { PendingProposals } from './proposals.js';
