/**
 * The keys the leader owns and what to re-write when a client deleted or
 * changed them. The Raft configuration is the truth about membership;
 * `/_mgmt/nominated/*` is the record of it that `etcdctl` users (and the
 * reference article) read, so every member has `nominated/<name>` = its
 * peer URLs. `idealClusterSize` holds the last valid size and `clusterId`
 * the cluster's id. Pure: store contents and the configuration in, repairs
 * and warnings out; the nominator runner performs them.
 */
import { CLUSTER_ID_KEY, IDEAL_CLUSTER_SIZE_KEY, NOMINATED_PREFIX, VOLUNTEERS_PREFIX, abbreviate, controlSizeProblem, encodeUrls, hostnameFromKey, isValidHostname, nominatedKey, parseIdealClusterSize } from '@mgmt/cluster-fsm';

/** What the leader knows. */
export interface LeaderRepairInput {
  /** The `/_mgmt/` keys of the leader's store. */
  stored: ReadonlyArray<{ key: string; value: string }>;
  /** The members of the applied Raft configuration. */
  members: ReadonlyArray<{ name: string; peerUrls: readonly string[] }>;
  /** The last valid ideal size. */
  idealClusterSize: number;
  /** This cluster's id. */
  clusterId: string;
}

/** One key to put back, and why (for the log line). */
export interface LeaderRepair {
  key: string;
  value: string;
  why: string;
}

/** Repairs to make, and values to warn about (and leave to the nominator). */
export interface LeaderRepairPlan {
  puts: LeaderRepair[];
  warnings: Array<{ key: string; problem: string }>;
}

/** What the leader must re-write, and what it must warn about. */
export function planLeaderRepairs(input: LeaderRepairInput): LeaderRepairPlan {
  const have = new Map(input.stored.map((kv) => [kv.key, kv.value]));
  const puts: LeaderRepair[] = [];
  const want = (key: string, value: string): void => {
    const now = have.get(key);
    if (now === value) return;
    const why = now === undefined ? 'it was deleted' : `its value ${JSON.stringify(abbreviate(now))} was changed`;
    puts.push({ key, value, why });
  };
  for (const m of input.members) if (isValidHostname(m.name)) want(nominatedKey(m.name), encodeUrls(m.peerUrls));
  const rawIdeal = have.get(IDEAL_CLUSTER_SIZE_KEY);
  const idealGood = rawIdeal !== undefined && controlSizeProblem(rawIdeal) === undefined && parseIdealClusterSize(rawIdeal, input.idealClusterSize).warning === undefined;
  if (!idealGood) want(IDEAL_CLUSTER_SIZE_KEY, String(input.idealClusterSize));
  want(CLUSTER_ID_KEY, input.clusterId);

  const warnings: LeaderRepairPlan['warnings'] = [];
  const memberNames = new Set(input.members.map((m) => m.name));
  for (const { key } of input.stored) {
    const host = hostnameFromKey(NOMINATED_PREFIX, key);
    if (host === undefined || memberNames.has(host) || have.has(VOLUNTEERS_PREFIX + host)) continue;
    warnings.push({ key, problem: `ignoring ${key}: ${host} does not volunteer and is not a member (the nominator deletes it)` });
  }
  return { puts, warnings };
}
