/**
 * Writes a data directory that starts a new cluster of one from a store:
 * a Raft log whose snapshot holds the store and this member as the only
 * voter, the member identity, and the cluster record. Used by
 * `--force-new-cluster` and `mgmt snapshot restore`.
 */
import { emptyConfState } from '@mgmt/raft';
import { DurableStorage, NodeFileSystem } from '@mgmt/wal';
import path from 'node:path';
import { readClusterRecord, removeClusterRecord, writeClusterRecord } from '../cluster/cluster-record.js';
import type { MemberInfo } from '../cluster/members.js';
import { encodeAgentSnapshot } from './agent-state.js';
import { writeMemberIdentity } from './member.js';

/** The new cluster and its one member. */
export interface ClusterOfOne {
  readonly dataDir: string;
  readonly clusterId: string;
  readonly memberId: number;
  readonly hostname: string;
  readonly peerUrls: string[];
  /** The store's snapshot bytes (KvStore.snapshot()). */
  readonly kvSnapshot: Uint8Array;
  /** The Raft index the snapshot stands at (at least 1). */
  readonly index: number;
}

/** Writes `<dataDir>/wal` (which must not exist), member.json and cluster.json. */
export async function writeClusterOfOne(c: ClusterOfOne): Promise<void> {
  const self: MemberInfo = { id: c.memberId, name: c.hostname, peerUrls: c.peerUrls, isLearner: false };
  const cs = emptyConfState();
  cs.voters = [c.memberId];
  const index = Math.max(1, c.index);
  const storage = DurableStorage.open({ fs: new NodeFileSystem(), dir: path.join(c.dataDir, 'wal'), identity: { clusterId: c.clusterId, memberId: c.memberId } });
  try {
    const data = encodeAgentSnapshot(c.kvSnapshot, [self]);
    await storage.save({ snapshot: { data, metadata: { index, term: 1, confState: cs } }, hardState: { term: 1, vote: 0, commit: index } });
  } finally {
    await storage.close();
  }
  writeMemberIdentity(c.dataDir, { clusterId: c.clusterId, memberId: c.memberId, hostname: c.hostname });
  if (readClusterRecord(c.dataDir)) removeClusterRecord(c.dataDir);
  writeClusterRecord(c.dataDir, { clusterId: c.clusterId, hostname: c.hostname, memberIds: [c.memberId], endpoints: [] });
}
