/**
 * etcd's concurrency services, v3lock (Lock, Unlock) and v3election
 * (Campaign, Proclaim, Leader, Observe, Resign), as in etcd 3.4's
 * v3lock.proto and v3election.proto (same packages, messages and field
 * numbers; gogoproto options left out). They are parsed at run time into
 * the root that holds etcd's rpc.proto and kv.proto (their headers and
 * key-values are etcdserverpb.ResponseHeader and mvccpb.KeyValue), with the
 * .proto field names. These services are called rarely (a lock is held
 * for long), so reflection's encoding cost does not matter here.
 */
import { loadEtcdJsonRoot } from '@mgmt/proto';
import protobuf from 'protobufjs';

const V3LOCK_PROTO = `
syntax = "proto3";
package v3lockpb;

service Lock {
  rpc Lock(LockRequest) returns (LockResponse) {}
  rpc Unlock(UnlockRequest) returns (UnlockResponse) {}
}

message LockRequest {
  bytes name = 1;
  int64 lease = 2;
}

message LockResponse {
  etcdserverpb.ResponseHeader header = 1;
  bytes key = 2;
}

message UnlockRequest {
  bytes key = 1;
}

message UnlockResponse {
  etcdserverpb.ResponseHeader header = 1;
}
`;

const V3ELECTION_PROTO = `
syntax = "proto3";
package v3electionpb;

service Election {
  rpc Campaign(CampaignRequest) returns (CampaignResponse) {}
  rpc Proclaim(ProclaimRequest) returns (ProclaimResponse) {}
  rpc Leader(LeaderRequest) returns (LeaderResponse) {}
  rpc Observe(LeaderRequest) returns (stream LeaderResponse) {}
  rpc Resign(ResignRequest) returns (ResignResponse) {}
}

message CampaignRequest {
  bytes name = 1;
  int64 lease = 2;
  bytes value = 3;
}

message CampaignResponse {
  etcdserverpb.ResponseHeader header = 1;
  LeaderKey leader = 2;
}

message LeaderKey {
  bytes name = 1;
  bytes key = 2;
  int64 rev = 3;
  int64 lease = 4;
}

message LeaderRequest {
  bytes name = 1;
}

message LeaderResponse {
  etcdserverpb.ResponseHeader header = 1;
  mvccpb.KeyValue kv = 2;
}

message ResignRequest {
  LeaderKey leader = 1;
}

message ResignResponse {
  etcdserverpb.ResponseHeader header = 1;
}

message ProclaimRequest {
  LeaderKey leader = 1;
  bytes value = 2;
}

message ProclaimResponse {
  etcdserverpb.ResponseHeader header = 1;
}
`;

/** Adds v3lockpb and v3electionpb to `root` (one with etcd's rpc.proto and kv.proto). */
export function addConcurrencyProtos(root: protobuf.Root): protobuf.Root {
  for (const text of [V3LOCK_PROTO, V3ELECTION_PROTO]) protobuf.parse(text, root, { keepCase: true });
  root.resolveAll();
  return root;
}

/** etcd's messages plus the concurrency services', with the .proto field names. */
export function loadConcurrencyRoot(): protobuf.Root {
  return addConcurrencyProtos(loadEtcdJsonRoot());
}
