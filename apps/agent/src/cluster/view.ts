/**
 * Builds the nominator's ClusterView on the leader from its own state: the
 * `/_mgmt/` keys of the local store, the member registry, and the Raft
 * progress of each member. Time is in nominator ticks of `tickMs` (100 ms,
 * the unit DEFAULT_NOMINATOR_POLICY is written in).
 */
import {
  ENDPOINTS_PREFIX,
  IDEAL_CLUSTER_SIZE_KEY,
  NOMINATED_PREFIX,
  VOLUNTEERS_PREFIX,
  decodeUrls,
  hostnameFromKey,
  parseIdealClusterSize,
  type ClusterView,
  type MemberView,
} from '@mgmt/cluster-fsm';
import type { KvStore } from '@mgmt/kv';
import type { Member } from '../raft/member.js';
import { prefixRangeEnd } from './prefix.js';

export const NOMINATOR_TICK_MS = 100;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** hostname -> URLs for every key under `prefix`. */
export function readUrlMap(kv: KvStore, prefix: string): Record<string, string[]> {
  const key = enc.encode(prefix);
  const out: Record<string, string[]> = {};
  for (const item of kv.range({ key, rangeEnd: prefixRangeEnd(key) }).kvs) {
    const host = hostnameFromKey(prefix, dec.decode(item.key));
    if (host !== undefined) out[host] = decodeUrls(dec.decode(item.value));
  }
  return out;
}

/** The raw idealClusterSize value, if set. */
export function readIdealClusterSizeRaw(kv: KvStore): string | undefined {
  const item = kv.range({ key: enc.encode(IDEAL_CLUSTER_SIZE_KEY) }).kvs[0];
  return item ? dec.decode(item.value) : undefined;
}

/** Tracks the last valid ideal size and warns once per refused value. */
export class IdealSizeReader {
  private lastRaw: string | undefined;
  constructor(private size: number, private readonly warn: (message: string) => void) {}

  read(kv: KvStore): number {
    const raw = readIdealClusterSizeRaw(kv);
    if (raw === this.lastRaw) return this.size;
    this.lastRaw = raw;
    const parsed = parseIdealClusterSize(raw, this.size);
    if (parsed.warning) this.warn(parsed.warning);
    this.size = parsed.size;
    return this.size;
  }
}

/** The cluster as the leader sees it now. */
export function buildClusterView(member: Member, idealClusterSize: number, nowMs: number): ClusterView {
  const raft = member.raft;
  const st = raft.status();
  const progress = new Map(st.progress.map((p) => [p.id, p]));
  const kv = member.state.kv;
  const tick = Math.floor(nowMs / NOMINATOR_TICK_MS);
  const members: MemberView[] = member.state.members.list().map((m) => {
    const self = m.id === raft.id;
    return {
      id: String(m.id),
      name: m.name,
      peerUrls: m.peerUrls,
      isLearner: m.isLearner,
      matchIndex: self ? raft.lastIndex : (progress.get(m.id)?.match ?? 0),
      lastHeardTicksAgo: self ? 0 : Math.floor(raft.heardAgoMs(m.id, nowMs) / NOMINATOR_TICK_MS),
    };
  });
  return {
    tick,
    leaderId: String(raft.id),
    leaderLastIndex: raft.lastIndex,
    leaderCommittedInTerm: raft.committedInTerm,
    confChangePending: raft.confChangePending,
    volunteers: readUrlMap(kv, VOLUNTEERS_PREFIX),
    nominated: readUrlMap(kv, NOMINATED_PREFIX),
    endpoints: readUrlMap(kv, ENDPOINTS_PREFIX),
    members,
    idealClusterSize,
  };
}
