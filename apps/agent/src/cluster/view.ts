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
import type { KeySource } from './mgmt-keys.js';
import { STATUS_PREFIX } from '../status/agent-status.js';

/** A status larger than this is not one an agent wrote (a client's megabyte): it is not parsed. */
const MAX_STATUS_BYTES = 16_384;

export const NOMINATOR_TICK_MS = 100;
const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * What a value parses to, by item: an item stands for one stored version
 * of its key (mgmt-keys.ts keeps it until the key changes), so a view
 * built on every change parses only the keys that changed.
 */
const parsedUrls = new WeakMap<KeyValue, string[] | null>();
const leavingStatus = new WeakMap<KeyValue, boolean>();

function urlsOf(item: KeyValue): string[] | null {
  let urls = parsedUrls.get(item);
  if (urls === undefined) {
    const parsed = parseUrlsValue(item.value);
    parsedUrls.set(item, (urls = parsed.ok ? parsed.urls : null));
  }
  return urls;
}

/** Whether `item` is the status of an agent that is leaving (`host`: the host its key names). */
function isLeaving(item: KeyValue, host: string): boolean {
  let leaving = leavingStatus.get(item);
  if (leaving === undefined) {
    leaving = false;
    if (item.value.length <= MAX_STATUS_BYTES) {
      try {
        const status = JSON.parse(item.value) as { hostname?: unknown; state?: unknown };
        leaving = status.hostname === host && typeof status.state === 'string' && status.state.startsWith('leaving');
      } catch {
        // not a status: ignore it
      }
    }
    leavingStatus.set(item, leaving);
  }
  return leaving;
}

/**
 * hostname -> URLs for every key under `prefix`. A value that is not a
 * list of URLs (or is too large) is left out: anyone can write these keys,
 * and the agents warn about such values (see control-values in cluster-fsm).
 */
export function readUrlMap(keys: KeySource, prefix: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of keys.under(prefix)) {
    const host = hostnameFromKey(prefix, item.key);
    const urls = urlsOf(item);
    if (host !== undefined && urls !== null) out[host] = urls;
  }
  return out;
}

/** Hosts whose published status (`/_mgmt/status/<host>`) says their agent is leaving. */
export function readLeavingHosts(keys: KeySource): string[] {
  const out: string[] = [];
  for (const item of keys.under(STATUS_PREFIX)) {
    const host = hostnameFromKey(STATUS_PREFIX, item.key);
    if (host !== undefined && isLeaving(item, host)) out.push(host);
  }
  return out;
}

/**
 * Members none of whose leased `/_mgmt/` keys (volunteer, status, endpoint)
 * exist: their agent's lease is gone (see `ClusterView.leaseLost`).
 */
export function readLeaseLost(keys: KeySource, members: readonly MemberView[], read?: { volunteers: Record<string, unknown>; endpoints: Record<string, unknown> }): string[] {
  const { volunteers, endpoints } = read ?? { volunteers: readUrlMap(keys, VOLUNTEERS_PREFIX), endpoints: readUrlMap(keys, ENDPOINTS_PREFIX) };
  const lost = members.filter((m) => !(m.name in volunteers) && !(m.name in endpoints));
  if (lost.length === 0) return [];
  const statuses = new Set(keys.under(STATUS_PREFIX).map((item) => hostnameFromKey(STATUS_PREFIX, item.key)));
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
function nominatedOf(keys: KeySource, members: readonly MemberView[]): Record<string, string[]> {
  const out = readUrlMap(keys, NOMINATED_PREFIX);
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
export function readZones(keys: KeySource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of keys.under(ZONES_PREFIX)) {
    const host = hostnameFromKey(ZONES_PREFIX, item.key);
    if (host !== undefined && zoneProblem(item.value) === undefined) out[host] = item.value;
  }
  return out;
}

/** Create revisions and leases of the volunteer keys: who has been connected longest, who lost a lease. */
function readVolunteerLeases(keys: KeySource): Pick<ClusterView, 'volunteerRevisions' | 'volunteerLeases'> {
  const volunteerRevisions: Record<string, number> = {};
  const volunteerLeases: Record<string, number> = {};
  for (const item of keys.under(VOLUNTEERS_PREFIX)) {
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

/** The cluster as the leader sees it now, its keys read from `keys`; `listeningSinceMs`: when this process last resumed from a stall. */
export function buildClusterView(member: Member, keys: KeySource, idealClusterSize: number, nowMs: number, settings?: ViewSettings, listeningSinceMs = 0): ClusterView {
  const raft = member.raft;
  const st = raft.status();
  const progress = new Map(st.progress.map((p) => [p.id, p]));
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
  const volunteers = readUrlMap(keys, VOLUNTEERS_PREFIX);
  const endpoints = readUrlMap(keys, ENDPOINTS_PREFIX);
  return {
    tick,
    leaderId: String(raft.id),
    leaderLastIndex: raft.lastIndex,
    leaderCommittedInTerm: raft.committedInTerm,
    confChangePending: raft.confChangePending,
    volunteers,
    nominated: nominatedOf(keys, members),
    endpoints,
    leaving: readLeavingHosts(keys),
    leaseLost: readLeaseLost(keys, members, { volunteers, endpoints }),
    members,
    idealClusterSize,
    zones: readZones(keys),
    ...readVolunteerLeases(keys),
    ...(settings !== undefined
      ? { idealStandbySize: settings.idealStandbySize, failureTimeoutTicks: Math.max(1, Math.round(settings.failureTimeoutMs / NOMINATOR_TICK_MS)) }
      : {}),
  };
}
