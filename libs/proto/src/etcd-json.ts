/**
 * etcd's messages by reflection, with the field names as written in the
 * .proto files (`cluster_id`, `ID`, `TTL`, `dbSize`...), which is what
 * etcd's grpc-gateway (the JSON API under /v3/) puts in its JSON. The
 * static codecs (etcd.ts) use camelCase names and carry no names at run
 * time, so the gateway converts through these types instead. The .proto
 * texts come from a generated module (scripts/generate.mjs), so this works
 * from a bundle too.
 */
import './runtime.js';
import protobuf from 'protobufjs';
import { PROTO_SOURCES } from './generated/etcd-sources.js';

/** Parses proto/etcd/kv.proto, rpc.proto and the Auth service's auth.proto and auth_rpc.proto with the original field names. */
export function loadEtcdJsonRoot(): protobuf.Root {
  const root = new protobuf.Root();
  for (const file of ['kv.proto', 'rpc.proto', 'auth.proto', 'auth_rpc.proto']) protobuf.parse(PROTO_SOURCES[file]!, root, { keepCase: true });
  root.resolveAll();
  return root;
}
