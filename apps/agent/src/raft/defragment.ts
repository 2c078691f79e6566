/**
 * Maintenance.Defragment on a member: what a user of etcd expects from
 * `etcdctl defrag` (the data directory shrinks to what the keyspace holds
 * now), done the way our storage allows. etcd rewrites its bbolt file;
 * here the space is in the Raft log and the snapshot behind it, so:
 *
 *   1. end the current WAL segment (what was written so far now lies in
 *      segments that can be removed whole);
 *   2. wait (bounded) until the member has applied the last entry of them;
 *   3. take a snapshot at the applied index: the WAL then removes the older
 *      snapshot file and every segment the new snapshot covers.
 *
 * After a `compact`, the snapshot holds only the live revisions, so deleted
 * and overwritten values leave the disk. Nothing acknowledged is lost: the
 * snapshot file is durable before anything it covers is removed, as with
 * every snapshot (libs/wal).
 */
import type { RaftDriver } from '@mgmt/raft';
import type { DurableStorage } from '@mgmt/wal';

/**
 * How long a defragment waits for the member to apply what was logged
 * before the cut (milliseconds when it has a leader). Well inside
 * etcdctl's default 5 s command timeout, so a member without a leader
 * still answers: it then keeps the segments its snapshot does not cover.
 */
export const DEFRAG_APPLY_WAIT_MS = 2_000;

/** Runs steps 1-3 above; resolves with whether a new snapshot was taken. */
export async function defragmentMember(raft: Pick<RaftDriver, 'waitApplied' | 'snapshotNow'>, storage: Pick<DurableStorage, 'startNewSegment'>, applyWaitMs = DEFRAG_APPLY_WAIT_MS): Promise<boolean> {
  const lastLogged = await storage.startNewSegment();
  let timer: NodeJS.Timeout | undefined;
  // Past the wait (no leader to commit the tail), the snapshot covers what is applied; the rest goes at the next one.
  await Promise.race([raft.waitApplied(lastLogged), new Promise<void>((resolve) => (timer = setTimeout(resolve, applyWaitMs)))]);
  clearTimeout(timer);
  return raft.snapshotNow();
}
