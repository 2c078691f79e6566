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
  ZONES_PREFIX,
  hostnameFromKey,
  zoneProblem,
  parseIdealClusterSize,
  parseUrlsValue,
  type ClusterView,
  type MemberView,
} from '@mgmt/cluster-fsm';
import type { KvStore } from '@mgmt/kv';
import type { Member } from '../raft/member.js';
import type { KeyValue } from './cluster-client.js';
import { STATUS_PREFIX } from '../status/agent-status.js';

/** A status larger than this is not one an agent wrote (a client's megabyte): it is not parsed. */
const MAX_STATUS_BYTES = 16_384;
import { prefixRangeEnd } from './prefix.js';

export const NOMINATOR_TICK_MS = 100;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Every key under `prefix` in the local store, as strings. */
export function readKeyValues(kv: KvStore, prefix: string): KeyValue[] {
  const key = enc.encode(prefix);
  return kv.range({ key, rangeEnd: prefixRangeEnd(key) }).kvs.map((item) => ({ key: dec.decode(item.key), value: dec.decode(item.value), lease: Number(item.lease ?? 0), createRevision: Number(item.createRevision ?? 0) }));
}

/**
 * hostname -> URLs for every key under `prefix`. A value that is not a
 * list of URLs (or is too large) is left out: anyone can write these keys,
 * and the agents warn about such values (see control-values in cluster-fsm).
 */
export function readUrlMap(kv: KvStore, prefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of readKeyValues(kv, prefix)) {
    const host = hostnameFromKey(prefix, item.key);
    const parsed = parseUrlsValue(item.value);
    if (host !== undefined && parsed.ok) out[host] = parsed.urls;
  }
  return out;
}

/** Hosts whose published status (`/_mgmt/status/<host>`) says their agent is leaving. */
export function readLeavingHosts(kv: KvStore): string[] {
  const out: string[] = [];
  for (const item of readKeyValues(kv, STATUS_PREFIX)) {
    if (item.value.length > MAX_STATUS_BYTES) continue;
    try {
      const status = JSON.parse(item.value) as { hostname?: unknown; state?: unknown };
      const host = hostnameFromKey(STATUS_PREFIX, item.key);
      if (host !== undefined && status.hostname === host && typeof status.state === 'string' && status.state.startsWith('leaving')) out.push(host);
    } catch {
      // not a status: ignore it
    }
  }
  return out;
}

/**
 * Members none of whose leased `/_mgmt/` keys (volunteer, status, endpoint)
 * exist: their agent's lease is gone (see `ClusterView.leaseLost`).
 */
export function readLeaseLost(kv: KvStore, members: readonly MemberView[], read?: { volunteers: Record<string, unknown>; endpoints: Record<string, unknown> }): string[] {
  const { volunteers, endpoints } = read ?? { volunteers: readUrlMap(kv, VOLUNTEERS_PREFIX), endpoints: readUrlMap(kv, ENDPOINTS_PREFIX) };
  const lost = members.filter((m) => !(m.name in volunteers) && !(m.name in endpoints));
  if (lost.length === 0) return [];
  const statuses = new Set(readKeyValues(kv, STATUS_PREFIX).map((item) => hostnameFromKey(STATUS_PREFIX, item.key)));
  return lost.filter((m) => !statuses.has(m.name)).map((m) => m.name);
}

/**
 * The nominations the nominator decides on: the `nominated/*` records plus
 * every member, whatever its record says. A member is nominated because the
 * configuration says so; its record is only kept for `etcdctl` users, and
 * re-written by the leader's repairs after the usual two reads (not at once
 * by a decision, so a client's `del --prefix /` followed by a `get` sees an
 * empty store, as against etcd).
 */
function nominatedOf(kv: KvStore, members: readonly MemberView[]): Record<string, string[]> {
  const out = readUrlMap(kv, NOMINATED_PREFIX);
  for (const m of members) out[m.name] ??= m.peerUrls;
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
    return this.readRaw(readIdealClusterSizeRaw(kv));
  }

  /** The size after reading the stored value `raw` (undefined: the key is missing). */
  readRaw(raw: string | undefined): number {
    if (raw === this.lastRaw) return this.size;
    this.lastRaw = raw;
    const parsed = parseIdealClusterSize(raw, this.size);
    if (parsed.warning) this.warn(parsed.warning);
    this.size = parsed.size;
    return this.size;
  }
}

/** hostname -> zone for every well-formed `/_mgmt/zones/*` key (a bad one is left out: the host is in no zone). */
export function readZones(kv: KvStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of readKeyValues(kv, ZONES_PREFIX)) {
    const host = hostnameFromKey(ZONES_PREFIX, item.key);
    if (host !== undefined && zoneProblem(item.value) === undefined) out[host] = item.value;
  }
  return out;
}

/** Create revisions and leases of the volunteer keys: who has been connected longest, who lost a lease. */
function readVolunteerLeases(kv: KvStore): Pick<ClusterView, 'volunteerRevisions' | 'volunteerLeases'> {
  const volunteerRevisions: Record<string, number> = {};
  const volunteerLeases: Record<string, number> = {};
  for (const item of readKeyValues(kv, VOLUNTEERS_PREFIX)) {
    const host = hostnameFromKey(VOLUNTEERS_PREFIX, item.key);
    if (host === undefined) continue;
    volunteerRevisions[host] = item.createRevision;
    volunteerLeases[host] = item.lease;
  }
  return { volunteerRevisions, volunteerLeases };
}

/** How long a peer counts as silent: since it was last heard, but never longer than this process has been listening (a stall of ours is not its silence). */
export function silentForMs(heardAgoMs: number, nowMs: number, listeningSinceMs: number): number {
  return Math.min(heardAgoMs, Math.max(0, nowMs - listeningSinceMs));
}

/** The standby and failure-timeout settings the view carries (already parsed). */
export interface ViewSettings {
  idealStandbySize: number;
  failureTimeoutMs: number;
}

/** The cluster as the leader sees it now; `listeningSinceMs`: when this process last resumed from a stall. */
export function buildClusterView(member: Member, idealClusterSize: number, nowMs: number, settings?: ViewSettings, listeningSinceMs = 0): ClusterView {
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
      lastHeardTicksAgo: self ? 0 : Math.floor(silentForMs(raft.heardAgoMs(m.id, nowMs), nowMs, listeningSinceMs) / NOMINATOR_TICK_MS),
    };
  });
  const volunteers = readUrlMap(kv, VOLUNTEERS_PREFIX);
  const endpoints = readUrlMap(kv, ENDPOINTS_PREFIX);
  return {
    tick,
    leaderId: String(raft.id),
    leaderLastIndex: raft.lastIndex,
    leaderCommittedInTerm: raft.committedInTerm,
    confChangePending: raft.confChangePending,
    volunteers,
    nominated: nominatedOf(kv, members),
    endpoints,
    leaving: readLeavingHosts(kv),
    leaseLost: readLeaseLost(kv, members, { volunteers, endpoints }),
    members,
    idealClusterSize,
    zones: readZones(kv),
    ...readVolunteerLeases(kv),
    ...(settings !== undefined
      ? { idealStandbySize: settings.idealStandbySize, failureTimeoutTicks: Math.max(1, Math.round(settings.failureTimeoutMs / NOMINATOR_TICK_MS)) }
      : {}),
  };
}
