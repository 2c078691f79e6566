/**
 * etcd's messages by reflection, with the field names as written in the
 * .proto files (`cluster_id`, `ID`, `TTL`, `dbSize`...), which is what
 * etcd's grpc-gateway (the JSON API under /v3/) puts in its JSON. The
 * static codecs (etcd.ts) use camelCase names and carry no names at run
 * time, so the gateway converts through these types instead.
 */
import './runtime.js';
import protobuf from 'protobufjs';
import { fileURLToPath } from 'node:url';

/** Loads proto/etcd/rpc.proto (and kv.proto) with the original field names. */
export function loadEtcdJsonRoot(): protobuf.Root {
  const dir = fileURLToPath(new URL('../proto/etcd/', import.meta.url));
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('/') ? target : dir + target);
  root.loadSync(['rpc.proto', 'kv.proto'], { keepCase: true });
  root.resolveAll();
  return root;
}
