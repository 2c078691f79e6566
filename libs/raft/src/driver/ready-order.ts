/**
 * The order in which the driver handles one Ready around its save, decided
 * from the Ready and the node alone (pure):
 *
 * - whether the leader sends this Ready's messages before its own save
 *   (Raft thesis 10.2.1; etcd does the same): what it sends (entries, its
 *   commit index) needs none of this Ready's state to be durable, since
 *   followers can only have acknowledged entries of earlier Readys, all
 *   saved before this one was taken. The leader's own copy then counts
 *   towards a commit the next Ready makes visible, which comes after this
 *   save. Everyone else persists first;
 * - how many committed entries are applied while the new ones are written:
 *   those already in the durable log, so a commit never waits behind the
 *   next fsync.
 */
import type { Role } from '../raft.js';
import type { Ready } from '../rawnode.js';

/**
 * Whether the leader may send this Ready's messages before its save. Not
 * when the commit index it would send covers entries of this very Ready:
 * that happens when the leader's own (unsaved) copy completes a quorum,
 * as in a cluster of one voter with learners. Sent first, that commit
 * index lets a learner apply an entry the leader can still lose in a
 * crash (etcd #14370's class of bug; found by the simulator on SimDisk).
 */
export function sendsBeforeSave(rd: Ready, node: { role: Role; committed: number }, sendBeforePersist: boolean): boolean {
  if (!sendBeforePersist || node.role !== 'leader' || rd.snapshot) return false;
  const firstNew = rd.entries[0]?.index;
  return firstNew === undefined || node.committed < firstNew;
}

/** How many of the Ready's committed entries are durable here before its own save (all that precede its new entries). */
export function durableCommittedCount(rd: Ready, applyBeforePersist: boolean): number {
  if (!applyBeforePersist || rd.snapshot) return 0;
  const firstNew = rd.entries[0]?.index;
  if (firstNew === undefined) return rd.committedEntries.length;
  let n = 0;
  while (n < rd.committedEntries.length && rd.committedEntries[n]!.index < firstNew) n++;
  return n;
}
