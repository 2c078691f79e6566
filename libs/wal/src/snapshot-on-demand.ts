/**
 * A snapshot whose bytes stay on disk until someone reads them (issue 21,
 * bounded memory). The bytes are the whole store, and the log needs them
 * only when Raft sends them to a follower that fell behind or the member
 * restores from them at start; kept in memory they doubled a member's
 * footprint for its store. Most uses look at the metadata only (the index,
 * the term, the configuration, whether there is a snapshot at all); the
 * first read of `data` loads the file, later reads of the same object reuse
 * what it loaded, and the object is meant to be dropped after use.
 */
import type { Snapshot, SnapshotMetadata } from '@mgmt/raft';

/** A Snapshot with `metadata` at hand and `data` read by `read()` on first access. */
export function snapshotOnDemand(metadata: SnapshotMetadata, read: () => Uint8Array): Snapshot {
  let data: Uint8Array | undefined;
  return {
    metadata,
    get data(): Uint8Array {
      data ??= read();
      return data;
    },
  };
}
