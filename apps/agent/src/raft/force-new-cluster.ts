/**
 * `--force-new-cluster` (etcd's name): start a cluster of one from what the
 * data directory holds. The operator's explicit way out when the cluster
 * this host belonged to is gone for good; without it, a data directory that
 * belongs to a cluster never bootstraps another (cluster-record.ts).
 *
 * With a member's data in the directory, the store as of the last committed
 * entry becomes the snapshot of a new single-voter cluster, under a new
 * cluster id and member id (so the old cluster's members can never talk to
 * it: every contact checks the cluster id). The old log is kept beside it
 * (`wal.before-force-new-cluster-<ms>`), not deleted. Without member data,
 * the record is dropped and the agent bootstraps an empty cluster.
 */
import { MGMT_PREFIX } from '@mgmt/cluster-fsm';
import { EntryType, emptyConfState, isEmptySnapshot, decodeConfChange } from '@mgmt/raft';
import { encodeCommand } from '@mgmt/kv';
import { DurableStorage, NodeFileSystem } from '@mgmt/wal';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { removeClusterRecord } from '../cluster/cluster-record.js';
import type { Logger } from '../log.js';
import { AgentState } from './agent-state.js';
import { writeClusterOfOne } from './cluster-of-one.js';
import { readMemberIdentity } from './member.js';

/** What the forced start did. */
export type ForceOutcome = { kind: 'from-data'; clusterId: string; memberId: number; revision: number } | { kind: 'empty' };

/** Rewrites `dataDir` so the agent starts a cluster of one from it. */
export async function forceNewCluster(o: { dataDir: string; hostname: string; peerUrls: string[]; log: Logger }): Promise<ForceOutcome> {
  const identity = readMemberIdentity(o.dataDir);
  const walDir = path.join(o.dataDir, 'wal');
  if (!identity || !fs.existsSync(walDir)) {
    removeClusterRecord(o.dataDir);
    o.log.warn({ dataDir: o.dataDir }, '--force-new-cluster: no member data here; starting a new, empty cluster');
    return { kind: 'empty' };
  }
  const state = new AgentState();
  const old = DurableStorage.open({ fs: new NodeFileSystem(), dir: walDir, identity: { clusterId: identity.clusterId, memberId: identity.memberId } });
  let index: number;
  try {
    const snap = old.snapshot();
    if (!isEmptySnapshot(snap)) state.restore(snap.data, snap);
    index = snap.metadata.index;
    const commit = old.hardState().commit;
    const noConf = emptyConfState();
    for (let lo = index + 1; lo <= commit; ) {
      const batch = old.entries(lo, commit + 1, 16 * 1024 * 1024);
      if (batch.length === 0) break;
      for (const e of batch) {
        if (e.type === EntryType.ENTRY_CONF_CHANGE) state.applyConfChange(decodeConfChange(e.data), noConf);
        else if (e.data.byteLength > 0) state.applyEntry(e);
        index = e.index;
      }
      lo = index + 1;
    }
  } finally {
    await old.close();
  }

  const clusterId = randomInt(1, 2 ** 47).toString(16);
  const memberId = randomInt(1, 2 ** 47);
  // The store says which cluster it is: make it say the new one.
  state.kv.applyEntry(encodeCommand({ put: { key: new TextEncoder().encode(`${MGMT_PREFIX}clusterId`), value: new TextEncoder().encode(clusterId) } }, 0));
  const revision = state.kv.revision;
  fs.renameSync(walDir, path.join(o.dataDir, `wal.before-force-new-cluster-${Date.now()}`));
  await writeClusterOfOne({ dataDir: o.dataDir, clusterId, memberId, hostname: o.hostname, peerUrls: o.peerUrls, kvSnapshot: state.kv.snapshot(), index });
  o.log.warn(
    { dataDir: o.dataDir, oldClusterId: identity.clusterId, clusterId, memberId, revision },
    `--force-new-cluster: cluster ${clusterId} of one starts from the data of cluster ${identity.clusterId} (revision ${revision})`,
  );
  return { kind: 'from-data', clusterId, memberId, revision };
}
