/**
 * HashKV of a member's store (Maintenance.HashKV): a checksum of the live
 * keyspace at a revision, in key order, with each key's revisions, version
 * and lease. Members that applied the same log give the same hash at the
 * same revision, which is how users (`etcdctl endpoint hashkv --rev R`) and
 * the corruption check compare them. Not comparable with etcd's values.
 */
import { crc32c } from '../crc32c.js';
import { Errors } from '../errors.js';
import type { KvStore } from '../store.js';

/** The hash of `store` at `revision` (0: its current one), and its compact revision. */
export function hashKv(store: KvStore, revision: number): { hash: number; compactRevision: number; revision: number } {
  const at = revision || store.revision;
  if (at > store.revision) throw Errors.futureRev();
  if (at < store.compactRevision) throw Errors.compacted();
  const answer = store.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]), revision: at, serializable: true });
  let hash = 0;
  for (const kv of answer.kvs) {
    hash = crc32c(Buffer.from(kv.key ?? []), hash);
    hash = crc32c(Buffer.from(kv.value ?? []), hash);
    hash = crc32c(Buffer.from(`${kv.createRevision},${kv.modRevision},${kv.version},${kv.lease}`), hash);
  }
  return { hash: hash >>> 0, compactRevision: store.compactRevision, revision: at };
}
