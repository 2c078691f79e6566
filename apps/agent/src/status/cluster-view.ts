/**
 * What the status page and the metrics show of the cluster, from the
 * mirrored `/_mgmt/` keys: every host's published status (this agent's own,
 * current one in place of its published copy), the volunteers and the
 * ideal size. Pure.
 */
import { IDEAL_CLUSTER_SIZE_KEY, VOLUNTEERS_PREFIX, hostnameFromKey } from '@mgmt/cluster-fsm';
import type { KeyValue } from '../cluster/cluster-client.js';
import { STATUS_PREFIX, type AgentStatus, type ClusterView } from './agent-status.js';

/** The cluster as `self` sees it through `kvs`. */
export function clusterViewOf(kvs: readonly KeyValue[], self: AgentStatus): ClusterView {
  const hosts: AgentStatus[] = [];
  const volunteers: string[] = [];
  let ideal: string | undefined;
  for (const kv of kvs) {
    if (kv.key.startsWith(STATUS_PREFIX)) {
      try {
        hosts.push(JSON.parse(kv.value) as AgentStatus);
      } catch {
        // a status written by another version: skip it
      }
    }
    const v = hostnameFromKey(VOLUNTEERS_PREFIX, kv.key);
    if (v !== undefined) volunteers.push(v);
    if (kv.key === IDEAL_CLUSTER_SIZE_KEY) ideal = kv.value;
  }
  const others = hosts.filter((h) => h.hostname !== self.hostname);
  return { hosts: [self, ...others].sort((a, b) => a.hostname.localeCompare(b.hostname)), volunteers, idealClusterSize: ideal, self };
}
