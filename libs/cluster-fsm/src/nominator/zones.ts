/**
 * Failure zones: where members and volunteers are, how voters are spread
 * over zones, and which host to choose next so that a zone's loss costs as
 * few voters as possible. A spread is maximal when no voter can be moved
 * from the most crowded zone to one that has two voters fewer and a host
 * ready to take its place; choosing each new voter in the least crowded
 * zone keeps it so (LXD/dqlite's failure domains, Consul's redundancy zones).
 */
import type { ClusterView, MemberView } from './view.js';

/** The zone of `hostname`: its published `--zone`, or `''` when it has none. */
export function zoneOf(view: ClusterView, hostname: string): string {
  return view.zones?.[hostname] ?? '';
}

/** zone -> how many of `members` are in it. */
export function zoneCounts(view: ClusterView, members: readonly MemberView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const member of members) {
    const zone = zoneOf(view, member.name);
    counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  return counts;
}

/** How a zone is named in logs. */
export function zoneLabel(zone: string): string {
  return zone === '' ? 'no zone' : `zone ${zone}`;
}

/** A host that could become a voter or standby, with what ranks it. */
export interface Candidate {
  hostname: string;
  zone: string;
}

/** How to rank candidates: voters per zone first, then members per zone, then the zones of lost voters. */
export interface Ranking {
  /** Voters that count (staying, not failed), by zone. */
  voterCounts: Map<string, number>;
  /** Voters and learners that count, by zone. */
  memberCounts: Map<string, number>;
  /** Zones of voters that failed or left: a replacement prefers them when that keeps the spread. */
  lostZones: ReadonlySet<string>;
}

/**
 * `candidates` best first: fewest voters in its zone, then fewest members
 * (a standby goes where no voter is), then a lost voter's zone, then the
 * volunteer connected longest without a lease loss, then by name.
 */
export function rankCandidates<T extends Candidate>(view: ClusterView, candidates: readonly T[], ranking: Ranking): T[] {
  const revision = (hostname: string) => view.volunteerRevisions?.[hostname] ?? Number.MAX_SAFE_INTEGER;
  return [...candidates].sort(
    (a, b) =>
      (ranking.voterCounts.get(a.zone) ?? 0) - (ranking.voterCounts.get(b.zone) ?? 0) ||
      (ranking.memberCounts.get(a.zone) ?? 0) - (ranking.memberCounts.get(b.zone) ?? 0) ||
      Number(ranking.lostZones.has(b.zone)) - Number(ranking.lostZones.has(a.zone)) ||
      revision(a.hostname) - revision(b.hostname) ||
      (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0),
  );
}

/** Why `candidate` was chosen, for the log line ("zone b has no voter"). */
export function placementReason(candidate: Candidate, ranking: Ranking): string {
  const voters = ranking.voterCounts.get(candidate.zone) ?? 0;
  if (ranking.voterCounts.size === 0 || (ranking.voterCounts.size === 1 && ranking.voterCounts.has('') && candidate.zone === '')) {
    return 'connected longest';
  }
  return voters === 0 ? `${zoneLabel(candidate.zone)} has no voter` : `${zoneLabel(candidate.zone)} has ${voters} voter(s), the fewest`;
}

/**
 * Zones that deserve a voter more than the most crowded zone: at least two
 * voters fewer than it, and a candidate there. Empty when the spread is
 * maximal.
 */
export function underservedZones(voterCounts: ReadonlyMap<string, number>, candidateZones: ReadonlySet<string>): string[] {
  let crowded = 0;
  for (const count of voterCounts.values()) crowded = Math.max(crowded, count);
  return [...candidateZones].filter((zone) => (voterCounts.get(zone) ?? 0) <= crowded - 2).sort();
}

/** The most crowded zone of `voterCounts` (by count, then name), or undefined when empty. */
export function mostCrowdedZone(voterCounts: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const [zone, count] of [...voterCounts.entries()].sort()) {
    if (best === undefined || count > best[1]) best = [zone, count];
  }
  return best?.[0];
}
