/**
 * A small simulated cluster for property tests of `decideNext`: hosts that
 * live, die and quit, a Raft configuration whose changes take one step to
 * apply, leases that expire a while after a host dies. It applies the
 * nominator's decisions and checks, for each one, the invariants the
 * nominator promises.
 */
import type { Decision } from '../src/nominator/decision.js';
import { isMembershipChange } from '../src/nominator/decision.js';
import { takeCensus } from '../src/nominator/census.js';
import type { VolunteerLeaseHistory } from '../src/nominator/flap.js';
import { NO_LEASE_HISTORY, dampedVolunteers, trackLeaseLosses } from '../src/nominator/flap.js';
import type { HealthySince } from '../src/nominator/health.js';
import { trackHealth, withHealth } from '../src/nominator/health.js';
import type { ClusterView, NominatorPolicy } from '../src/nominator/view.js';
import { isReadyForPromotion, majority } from '../src/nominator/view.js';
import { underservedZones } from '../src/nominator/zones.js';

/** Ticks the world advances per step. */
export const TICKS_PER_STEP = 10;
/** Ticks after a host's death until its leased keys vanish. */
export const LEASE_TTL_TICKS = 60;

interface Host {
  name: string;
  alive: boolean;
  volunteering: boolean;
  diedAtTick: number | undefined;
  /** Removed from the membership but still running its member: it stops once it sees its nomination deleted. */
  runsRemovedMember: boolean;
  /** Alive and holding its lease, but cut off from its Raft peers. */
  cutOff: boolean;
  /** Its failure zone ('' without zones). */
  zone: string;
  /** Its volunteer key's lease: a new one each time the host comes back. */
  lease: number;
}

/** Zones and standbys of a world; without them the world is the original one. */
export interface SimWorldOptions {
  /** Hosts are spread round-robin over this many zones (a, b, c, ...). 0: no zones. */
  zones?: number;
  /** `idealStandbySize`. */
  standbys?: number;
}

interface SimMember {
  id: string;
  name: string;
  isLearner: boolean;
  matchIndex: number;
  lastHeardTick: number;
}

/** Something that happens to the world between decisions. */
export type WorldEvent =
  | { type: 'kill'; host: number }
  | { type: 'quit'; host: number }
  | { type: 'join' }
  | { type: 'ideal'; size: number }
  | { type: 'cut'; host: number }
  | { type: 'heal' }
  /** A dead host comes back with a new lease (a host that comes and goes). */
  | { type: 'revive'; host: number }
  /** The pending membership change takes one more step to apply. */
  | { type: 'stall' }
  | { type: 'none' };

/** A broken nominator promise, with the decision and view that broke it. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

/** The simulated world. */
export class SimWorld {
  tick = 0;
  lastIndex = 1;
  hosts: Host[] = [];
  members: SimMember[] = [];
  nominated = new Set<string>();
  ideal: number;
  leaderId = '1';
  nextId = 2;
  /** A membership change proposed and not yet applied. */
  pending: (() => void) | undefined;
  /** Voter ids once the pending change applies: kills must leave a majority in this configuration too. */
  pendingVoterIds: string[] | undefined;
  healthySince: HealthySince = {};
  changesApplied = 0;
  readonly log: string[] = [];
  standbys: number;
  readonly zoneCount: number;
  nextLease = 1;
  leaseHistory: VolunteerLeaseHistory = NO_LEASE_HISTORY;
  /** Tick of the last rebalancing promotion under the current leader. */
  lastRebalanceTick: number | undefined;
  /** hostname -> ticks at which it was added as a learner. */
  readonly addedAt = new Map<string, number[]>();

  constructor(
    hostCount: number,
    ideal: number,
    readonly policy: NominatorPolicy,
    options: SimWorldOptions = {},
  ) {
    this.ideal = ideal;
    this.standbys = options.standbys ?? 0;
    this.zoneCount = options.zones ?? 0;
    for (let i = 0; i < hostCount; i++) this.addHost();
    // h1 bootstrapped the cluster.
    this.members.push({ id: '1', name: 'h1', isLearner: false, matchIndex: 1, lastHeardTick: 0 });
  }

  private addHost(): void {
    this.hosts.push({
      name: `h${this.hosts.length + 1}`,
      alive: true,
      volunteering: true,
      diedAtTick: undefined,
      runsRemovedMember: false,
      cutOff: false,
      zone: this.zoneCount === 0 ? '' : String.fromCharCode(97 + (this.hosts.length % this.zoneCount)),
      lease: this.nextLease++,
    });
  }

  /** Adds a host in `zone` (for scenarios that place hosts by hand). */
  addHostIn(zone: string): string {
    this.addHost();
    const host = this.hosts.at(-1)!;
    host.zone = zone;
    return host.name;
  }

  private host(name: string): Host | undefined {
    return this.hosts.find((host) => host.name === name);
  }

  private hasLease(host: Host): boolean {
    return host.alive || (host.diedAtTick !== undefined && this.tick - host.diedAtTick < LEASE_TTL_TICKS);
  }

  private voters(): SimMember[] {
    return this.members.filter((member) => !member.isLearner);
  }

  /** Whether the leader can hear `host`: alive and not cut off. */
  private reachable(host: Host | undefined): boolean {
    return host !== undefined && host.alive && !host.cutOff;
  }

  /** Applies `event` unless it would make the cluster lose its majority (which no algorithm can fix). */
  apply(event: WorldEvent): void {
    if (event.type === 'join') this.addHost();
    if (event.type === 'ideal') this.ideal = event.size;
    if (event.type === 'quit') {
      const host = this.hosts[event.host % this.hosts.length];
      if (host !== undefined) host.volunteering = false;
    }
    if (event.type === 'heal') this.healAll();
    if (event.type === 'revive') {
      const host = this.hosts[event.host % this.hosts.length];
      if (host === undefined || host.alive) return;
      host.alive = true;
      host.diedAtTick = undefined;
      host.lease = this.nextLease++;
      // A voter that comes back before it is replaced is simply reachable again.
      host.runsRemovedMember = false;
    }
    if (event.type === 'kill' || event.type === 'cut') {
      const host = this.hosts[event.host % this.hosts.length];
      if (host === undefined || !this.reachable(host)) return;
      // No algorithm survives losing a majority: the world never takes one, in the current
      // configuration or in the one a pending change is about to install.
      const configurations = [this.voters().map((member) => member.id), ...(this.pendingVoterIds ? [this.pendingVoterIds] : [])];
      for (const ids of configurations) {
        const voters = this.members.filter((member) => ids.includes(member.id));
        if (!voters.some((member) => member.name === host.name)) continue;
        const reachable = voters.filter((member) => this.reachable(this.host(member.name))).length;
        if (reachable - 1 < majority(ids.length)) return;
      }
      if (event.type === 'cut') {
        host.cutOff = true;
      } else {
        host.alive = false;
        host.diedAtTick = this.tick;
      }
    }
    this.log.push(`event ${JSON.stringify(event)}`);
  }

  /** Time passes: a pending change applies (unless stalled), live members catch up, a dead leader is replaced. */
  advance(stalled = false): void {
    this.tick += TICKS_PER_STEP;
    this.lastIndex += 5;
    if (this.pending !== undefined && !stalled) {
      this.pending();
      this.pending = undefined;
      this.pendingVoterIds = undefined;
    }
    for (const host of this.hosts) {
      if (host.runsRemovedMember && !this.nominated.has(host.name)) host.runsRemovedMember = false;
    }
    for (const member of this.members) {
      if (!this.reachable(this.host(member.name))) continue;
      member.matchIndex = this.lastIndex;
      member.lastHeardTick = this.tick;
    }
    const leader = this.members.find((member) => member.id === this.leaderId);
    if (leader === undefined || !this.reachable(this.host(leader.name))) {
      const next = this.voters()
        .filter((member) => this.reachable(this.host(member.name)))
        .sort((a, b) => b.matchIndex - a.matchIndex)[0];
      if (next !== undefined) {
        this.leaderId = next.id;
        this.healthySince = {};
        this.leaseHistory = NO_LEASE_HISTORY;
        this.lastRebalanceTick = undefined;
        this.log.push(`leader is now ${next.name}`);
      }
    }
  }

  /** What the leader's nominator sees now. */
  view(): ClusterView {
    const volunteers: Record<string, string[]> = {};
    const endpoints: Record<string, string[]> = {};
    for (const host of this.hosts) {
      if (!this.hasLease(host)) continue;
      if (host.volunteering) volunteers[host.name] = [`http://${host.name}:2380`];
      const isMember = this.members.some((member) => member.name === host.name);
      if (isMember || host.runsRemovedMember) endpoints[host.name] = [`http://${host.name}:2379`];
    }
    const nominated: Record<string, string[]> = {};
    for (const name of this.nominated) nominated[name] = [`http://${name}:2380`];
    const raw: ClusterView = {
      tick: this.tick,
      leaderId: this.leaderId,
      leaderLastIndex: this.lastIndex,
      leaderCommittedInTerm: true,
      confChangePending: this.pending !== undefined,
      volunteers,
      nominated,
      endpoints,
      members: this.members.map((member) => ({
        id: member.id,
        name: member.name,
        peerUrls: [`http://${member.name}:2380`],
        isLearner: member.isLearner,
        matchIndex: member.matchIndex,
        lastHeardTicksAgo: member.id === this.leaderId ? 0 : this.tick - member.lastHeardTick,
      })),
      idealClusterSize: this.ideal,
      ...(this.zoneCount > 0 ? { zones: Object.fromEntries(this.hosts.map((host) => [host.name, host.zone])) } : {}),
      ...(this.standbys > 0 ? { idealStandbySize: this.standbys } : {}),
      volunteerLeases: Object.fromEntries(this.hosts.filter((host) => host.name in volunteers).map((host) => [host.name, host.lease])),
      volunteerRevisions: Object.fromEntries(this.hosts.filter((host) => host.name in volunteers).map((host) => [host.name, host.lease])),
    };
    this.healthySince = trackHealth(this.healthySince, raw, this.policy);
    this.leaseHistory = trackLeaseLosses(this.leaseHistory, raw, this.policy);
    const remembered: ClusterView = {
      ...raw,
      damped: dampedVolunteers(this.leaseHistory, this.policy),
      ...(this.lastRebalanceTick !== undefined ? { lastRebalanceTick: this.lastRebalanceTick } : {}),
    };
    return withHealth(remembered, this.healthySince);
  }

  /** Checks `decision` against the nominator's promises, then carries it out. */
  decide(view: ClusterView, decision: Decision): void {
    this.log.push(`t=${view.tick} ${decision.kind} ${'hostname' in decision ? decision.hostname : ''}: ${decision.reason}`);
    const fail = (why: string): never => {
      throw new InvariantViolation(`${why}\n  decision: ${JSON.stringify(decision)}\n  log:\n    ${this.log.slice(-25).join('\n    ')}`);
    };
    if (view.confChangePending && isMembershipChange(decision)) fail('two membership changes in flight');
    const healthyIds = new Set(
      view.members
        .filter((m) => m.id === view.leaderId || m.lastHeardTicksAgo <= this.policy.aliveWithinTicks)
        .map((m) => m.id),
    );
    const checkQuorum = (voterIds: string[]): void => {
      const healthy = voterIds.filter((id) => healthyIds.has(id)).length;
      if (healthy < majority(voterIds.length)) fail(`change leaves ${healthy}/${voterIds.length} healthy voters`);
    };
    const voterIds = this.voters().map((member) => member.id);
    switch (decision.kind) {
      case 'none':
        return;
      case 'nominate':
        this.nominated.add(decision.hostname);
        return;
      case 'unnominate':
        this.nominated.delete(decision.hostname);
        return;
      case 'addLearner': {
        if (this.members.some((member) => member.name === decision.hostname)) fail('adds an existing member');
        const census = takeCensus(view, this.policy);
        if (census.countedVoters.length < view.idealClusterSize && census.learners.some((m) => isReadyForPromotion(m, view, this.policy))) {
          fail('adds a new learner while a voter is missing and a ready standby waits to be promoted');
        }
        this.addedAt.set(decision.hostname, [...(this.addedAt.get(decision.hostname) ?? []), view.tick]);
        if (this.host(decision.hostname)?.runsRemovedMember === true) fail('adds a host still running its removed member');
        const id = String(this.nextId++);
        this.pending = () => this.members.push({ id, name: decision.hostname, isLearner: true, matchIndex: 0, lastHeardTick: this.tick });
        this.changesApplied++;
        return;
      }
      case 'promoteLearner': {
        const member = view.members.find((m) => m.id === decision.memberId);
        if (member === undefined || !member.isLearner) fail('promotes a non-learner');
        if (member!.matchIndex < 0.9 * view.leaderLastIndex) fail('promotes a learner that has not caught up');
        if ((member!.healthyForTicks ?? 0) < this.policy.stabilizationTicks) fail('promotes a learner before it is stable');
        checkQuorum([...voterIds, decision.memberId]);
        if (decision.rebalance === true) {
          if (this.lastRebalanceTick !== undefined && view.tick - this.lastRebalanceTick < this.policy.stabilizationTicks) {
            fail('moves a second voter for the spread within one stabilization time');
          }
          this.lastRebalanceTick = view.tick;
        }
        this.pendingVoterIds = [...voterIds, decision.memberId];
        this.pending = () => {
          const target = this.members.find((m) => m.id === decision.memberId);
          if (target !== undefined) target.isLearner = false;
        };
        this.changesApplied++;
        return;
      }
      case 'removeMember': {
        if (decision.memberId === this.leaderId) fail('removes the leader');
        const isVoter = voterIds.includes(decision.memberId);
        if (isVoter) {
          checkQuorum(voterIds);
          checkQuorum(voterIds.filter((id) => id !== decision.memberId));
        }
        this.pendingVoterIds = voterIds.filter((id) => id !== decision.memberId);
        this.pending = () => {
          const removed = this.members.find((m) => m.id === decision.memberId);
          const host = removed === undefined ? undefined : this.host(removed.name);
          if (host !== undefined && host.alive) host.runsRemovedMember = true;
          this.members = this.members.filter((m) => m.id !== decision.memberId);
        };
        this.changesApplied++;
        return;
      }
      case 'transferLeadership': {
        const target = this.members.find((m) => m.id === decision.toMemberId);
        if (target === undefined || target.isLearner) fail('transfers leadership to a non-voter');
        if (this.reachable(this.host(target!.name))) {
          this.leaderId = target!.id;
          this.healthySince = {};
          this.leaseHistory = NO_LEASE_HISTORY;
          this.lastRebalanceTick = undefined;
        }
        return;
      }
    }
  }

  /** Every cut-off host is reachable again. */
  healAll(): void {
    for (const host of this.hosts) host.cutOff = false;
  }

  /** Hosts that are alive and volunteering. */
  aliveVolunteers(): string[] {
    return this.hosts.filter((host) => host.alive && host.volunteering).map((host) => host.name);
  }

  /** Why the world is not at its ideal shape, or undefined when it is. */
  convergenceProblem(): string | undefined {
    const volunteers = new Set(this.aliveVolunteers());
    const voters = this.voters();
    const learners = this.members.filter((member) => member.isLearner);
    const expected = Math.min(this.ideal, volunteers.size);
    const expectedLearners = expected === 0 ? 0 : Math.min(this.standbys, volunteers.size - expected);
    if (learners.length !== expectedLearners) {
      return `expected ${expectedLearners} learners (standbys), got: ${learners.map((m) => m.name).join(',') || 'none'}`;
    }
    if (this.pending !== undefined) return 'a change is still pending';
    if (expected === 0) {
      return voters.length === 1 ? undefined : `expected the last leader alone, got ${voters.length} voters`;
    }
    if (voters.length !== expected) return `expected ${expected} voters, got ${voters.length}`;
    const strangers = voters.filter((member) => !volunteers.has(member.name));
    if (strangers.length > 0) return `voters that are not live volunteers: ${strangers.map((m) => m.name).join(',')}`;
    const spreadProblem = this.spreadProblem();
    if (spreadProblem !== undefined) return spreadProblem;
    const names = new Set(this.members.map((member) => member.name));
    const keys = [...this.nominated];
    if (keys.length !== names.size || keys.some((name) => !names.has(name))) {
      return `nominated keys ${keys.join(',')} do not match members ${[...names].join(',')}`;
    }
    return undefined;
  }

  /** Why the voters' spread over zones is not maximal (a zone two voters short with a live host), or undefined. */
  spreadProblem(): string | undefined {
    const counts = new Map<string, number>();
    const voterNames = new Set(this.voters().map((member) => member.name));
    for (const member of this.voters()) {
      const zone = this.host(member.name)?.zone ?? '';
      counts.set(zone, (counts.get(zone) ?? 0) + 1);
    }
    const spare = new Set(this.hosts.filter((h) => h.alive && h.volunteering && !voterNames.has(h.name)).map((h) => h.zone));
    const underserved = underservedZones(counts, spare);
    if (underserved.length === 0) return undefined;
    return `spread not maximal: voters per zone ${JSON.stringify([...counts])}, underserved ${underserved.join(',')}`;
  }

  /** The most times one host was added as a learner within any window of `windowTicks`. */
  maxAddsWithin(hostname: string, windowTicks: number): number {
    const ticks = this.addedAt.get(hostname) ?? [];
    let most = 0;
    for (let i = 0; i < ticks.length; i++) {
      most = Math.max(most, ticks.filter((t) => t >= ticks[i]! && t < ticks[i]! + windowTicks).length);
    }
    return most;
  }
}
