/**
 * A small simulated cluster for property tests of `decideNext`: hosts that
 * live, die and quit, a Raft configuration whose changes take one step to
 * apply, leases that expire a while after a host dies. It applies the
 * nominator's decisions and checks, for each one, the invariants the
 * nominator promises.
 */
import type { Decision } from '../src/nominator/decision.js';
import { isMembershipChange } from '../src/nominator/decision.js';
import type { HealthySince } from '../src/nominator/health.js';
import { trackHealth, withHealth } from '../src/nominator/health.js';
import type { ClusterView, NominatorPolicy } from '../src/nominator/view.js';
import { majority } from '../src/nominator/view.js';

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

  constructor(
    hostCount: number,
    ideal: number,
    readonly policy: NominatorPolicy,
  ) {
    this.ideal = ideal;
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
    });
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
    };
    this.healthySince = trackHealth(this.healthySince, raw, this.policy);
    return withHealth(raw, this.healthySince);
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
    if (learners.length > 0) return `learners left: ${learners.map((m) => m.name).join(',')}`;
    if (this.pending !== undefined) return 'a change is still pending';
    if (expected === 0) {
      return voters.length === 1 ? undefined : `expected the last leader alone, got ${voters.length} voters`;
    }
    if (voters.length !== expected) return `expected ${expected} voters, got ${voters.length}`;
    const strangers = voters.filter((member) => !volunteers.has(member.name));
    if (strangers.length > 0) return `voters that are not live volunteers: ${strangers.map((m) => m.name).join(',')}`;
    const names = new Set(this.members.map((member) => member.name));
    const keys = [...this.nominated];
    if (keys.length !== names.size || keys.some((name) => !names.has(name))) {
      return `nominated keys ${keys.join(',')} do not match members ${[...names].join(',')}`;
    }
    return undefined;
  }
}
