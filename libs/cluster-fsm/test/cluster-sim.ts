/**
 * A whole mgmt cluster in one deterministic loop, for end-to-end tests of
 * the two machines together: agents run the real lifecycle machine, the
 * leader runs the real nominator machine, and this file plays everything
 * else (the replicated store with its `/_mgmt/` keys and leases, Raft
 * membership with one change in flight, the agents' effects and watches).
 * No real time, no I/O: one step is one tick of 100 ms on a SimulatedClock.
 *
 * Clients are users too (issue 16): `clientDeletesMgmt`, `clientRevokesLease`
 * and `clientWritesGarbage` damage the `/_mgmt/` keys the way `etcdctl` can;
 * the agents put their own keys back and the leader the nomination records
 * (every REPAIR_EVERY_TICKS, as the real ones do within a second), and a
 * member goes by the configuration (`isNominated`), never by a key.
 */
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import type { Actor } from 'xstate';
import { lifecycleInvariantViolation, lifecycleLeaf } from '../src/lifecycle/invariants.js';
import { lifecycleMachine } from '../src/lifecycle/machine.js';
import { isNominated, isNominationRecord } from '../src/lifecycle/nomination-level.js';
import { encodeUrls } from '../src/keys.js';
import { urlProblem } from '../src/control-values.js';
import type { HostParams, LifecycleEvent } from '../src/lifecycle/types.js';
import type { ChangeDecision } from '../src/nominator/decision.js';
import { nominatorMachine } from '../src/nominator/machine.js';
import type { ClusterView, NominatorPolicy } from '../src/nominator/view.js';
import { majority } from '../src/nominator/view.js';

/** Milliseconds per simulated tick. */
export const TICK_MS = 100;
/** Ticks after a crash until the crashed agent's lease (and its keys) expire. */
export const LEASE_TTL_TICKS = 30;
/** How often agents and the leader put back the keys a client damaged (the real ones: within a second). */
export const REPAIR_EVERY_TICKS = 5;

/** Whether every URL of a stored list is one (a client may have written garbage). */
function urlsOk(urls: readonly string[]): boolean {
  return urls.length > 0 && urls.every((u) => urlProblem(u) === undefined);
}

interface SimMember {
  id: string;
  name: string;
  isLearner: boolean;
  peerUrls: string[];
  addedTick: number;
}

interface Effect {
  type: string;
  params: unknown;
}

/** One simulated agent process. */
interface SimAgent {
  hostname: string;
  actor: Actor<typeof lifecycleMachine>;
  effects: Effect[];
  /** The local Raft member process is up (listening on its peer URL). */
  memberRunning: boolean;
  /** Raft member id the running process serves, once the leader added it. */
  memberId: string | undefined;
  /** Tick at which the process crashed (no clean shutdown), if it did. */
  crashedTick: number | undefined;
  /** What the agent's watches last reported, to send facts on change only. */
  seen: { nominated: boolean; removed: boolean; isVoter: boolean; isLeader: boolean; observed: string };
  /** How it was first started (a restart repeats it exactly). */
  options: { seeds?: boolean; noServer?: boolean };
  /** Its data directory: the member whose data it holds (wiped when removed), and whether it belongs to the cluster (the record). */
  disk: { memberId: string | undefined; belongs: boolean };
}

/** A broken end-to-end invariant. */
export class ClusterInvariantError extends Error {
  override readonly name = 'ClusterInvariantError';
}

/** The simulated cluster. */
export class ClusterSim {
  readonly clock = new SimulatedClock();
  tick = 0;
  readonly agents = new Map<string, SimAgent>();
  readonly volunteers = new Map<string, { urls: string[]; lease: string }>();
  readonly nominated = new Map<string, string[]>();
  readonly endpoints = new Map<string, string[]>();
  idealClusterSize: number;
  /** `/_mgmt/zones/*` (issue 22): hostname -> zone. */
  readonly zones = new Map<string, string>();
  /** `/_mgmt/idealStandbySize`. */
  idealStandbySize = 0;
  members: SimMember[] = [];
  leaderId: string | undefined;
  lastIndex = 0;
  private nextMemberId = 1;
  private pendingConfChange: (() => void) | undefined;
  /** Voter ids once the pending change applies. */
  private pendingVoterIds: string[] | undefined;
  /** Member id -> last tick its process served it (the leader heard from it). */
  private readonly lastHeardTick = new Map<string, number>();
  private nominator: { actor: Actor<typeof nominatorMachine>; leaderId: string } | undefined;
  /** When the last member shut the whole cluster down, if it did. */
  private shutDownAt: number | undefined;
  /** A cluster was bootstrapped (a second bootstrap is a split brain). */
  private bootstrapped = false;
  /** Crashed runs of hosts restarted since: their lease still expires LEASE_TTL_TICKS after the crash. */
  private readonly restartedAfterCrash: Array<{ hostname: string; crashedTick: number }> = [];
  /** Conf changes refused because another was in flight (must stay 0). */
  refusedConfChanges = 0;
  readonly log: string[] = [];

  constructor(
    idealClusterSize: number,
    private readonly policy: Partial<NominatorPolicy> = { stabilizationTicks: 5, freshWithinTicks: 0 },
  ) {
    this.idealClusterSize = idealClusterSize;
  }

  /** Starts an agent; without seeds (and without a data directory that belongs to the cluster) it bootstraps a new cluster. */
  startAgent(hostname: string, options: { seeds?: boolean; noServer?: boolean } = {}, disk: SimAgent['disk'] = { memberId: undefined, belongs: false }): void {
    const effects: Effect[] = [];
    const record = (type: string) => (_args: unknown, params: unknown) => void effects.push({ type, params });
    const names = ['connectToSeed', 'writeVolunteerKey', 'revokeVolunteerKey', 'bootstrapCluster', 'restartMember', 'startMember',
      'advertiseEndpoint', 'withdrawEndpoint', 'transferLeadership', 'stopMember'];
    const machine = lifecycleMachine.provide({ actions: Object.fromEntries(names.map((name) => [name, record(name)])) });
    const actor = createActor(machine, {
      clock: this.clock,
      input: {
        hostname,
        seeds: options.seeds === false ? [] : ['http://seed:2379'],
        peerUrls: [`http://${hostname}:2380`],
        clientUrls: [`http://${hostname}:2379`],
        noServer: options.noServer ?? false,
        hasMemberData: disk.memberId !== undefined,
        knownCluster: disk.belongs ? { clusterId: 'sim', endpoints: ['http://seed:2379'] } : undefined,
        timing: { shutdownTimeoutMs: 20_000 },
      },
    });
    const agent: SimAgent = {
      hostname,
      actor,
      effects,
      memberRunning: false,
      memberId: undefined,
      crashedTick: undefined,
      seen: { nominated: false, removed: false, isVoter: false, isLeader: false, observed: '' },
      options,
      disk: { ...disk },
    };
    this.agents.set(hostname, agent);
    actor.start();
  }

  /** Ctrl-C on an agent. */
  shutdown(hostname: string): void {
    this.send(this.agent(hostname), { type: 'shutdown.requested' });
  }

  /**
   * Whether `hostname` may crash without taking a majority of the current
   * configuration, or of the one a pending change installs, with it (no
   * algorithm survives that; tests never ask for it).
   */
  canCrash(hostname: string): boolean {
    const agent = this.agents.get(hostname);
    if (agent === undefined || agent.crashedTick !== undefined) return false;
    const configurations = [this.members.filter((m) => !m.isLearner).map((m) => m.id), ...(this.pendingVoterIds ? [this.pendingVoterIds] : [])];
    for (const ids of configurations) {
      const voters = this.members.filter((m) => ids.includes(m.id));
      if (!voters.some((m) => m.name === hostname && this.isServing(m))) continue;
      const serving = voters.filter((m) => this.isServing(m)).length;
      if (serving - 1 < majority(ids.length)) return false;
    }
    return true;
  }

  /** The agent's process dies: no more facts or effects; its keys expire with its lease. */
  crash(hostname: string): void {
    const agent = this.agent(hostname);
    agent.crashedTick = this.tick;
    agent.memberRunning = false;
    agent.effects.length = 0;
    agent.actor.stop();
    this.log.push(`t=${this.tick} ${hostname} crashed`);
  }

  /**
   * Starts a crashed (or stopped) agent again with its original command
   * (the first host without seeds), with its data directory or with its
   * member's data wiped (the cluster record stays, as it does on disk).
   */
  restartAgent(hostname: string, withData: boolean): void {
    const old = this.agent(hostname);
    if (old.crashedTick === undefined && old.actor.getSnapshot().status !== 'done') throw new Error(`${hostname} still runs`);
    this.log.push(`t=${this.tick} ${hostname} restarted as started ${withData ? 'with' : 'without'} its member data`);
    if (old.crashedTick !== undefined) this.restartedAfterCrash.push({ hostname, crashedTick: old.crashedTick });
    this.startAgent(hostname, old.options, { memberId: withData ? old.disk.memberId : undefined, belongs: old.disk.belongs });
  }

  /** A client runs `etcdctl del --prefix /_mgmt/` (idealClusterSize is put back by the leader at once: the sim keeps it parsed). */
  clientDeletesMgmt(): void {
    this.volunteers.clear();
    this.nominated.clear();
    this.endpoints.clear();
    this.log.push(`t=${this.tick} client deleted /_mgmt/`);
  }

  /** A client runs `etcdctl lease revoke` on `hostname`'s lease: its leased keys go, and its keep-alive finds the lease gone. */
  clientRevokesLease(hostname: string): void {
    const agent = this.agents.get(hostname);
    if (agent === undefined || agent.crashedTick !== undefined) return;
    if (this.volunteers.get(hostname)?.lease === hostname) this.volunteers.delete(hostname);
    this.endpoints.delete(hostname);
    this.log.push(`t=${this.tick} client revoked ${hostname}'s lease`);
    this.send(agent, { type: 'lease.lost' });
  }

  /** A client writes values that are not URLs into `hostname`'s volunteer, endpoint and nominated keys. */
  clientWritesGarbage(hostname: string): void {
    this.volunteers.set(hostname, { urls: ['not a url'], lease: '' });
    if (this.endpoints.has(hostname)) this.endpoints.set(hostname, ['garbage']);
    if (this.nominated.has(hostname)) this.nominated.set(hostname, ['%%%']);
    this.log.push(`t=${this.tick} client wrote garbage for ${hostname}`);
  }

  /** Sets `/_mgmt/idealClusterSize`. */
  setIdealClusterSize(size: number): void {
    this.idealClusterSize = size;
  }

  agent(hostname: string): SimAgent {
    const agent = this.agents.get(hostname);
    if (agent === undefined) throw new Error(`no agent ${hostname}`);
    return agent;
  }

  /** The active leaf of every agent, e.g. `{ h1: 'peer.running' }`. */
  states(): Record<string, string> {
    return Object.fromEntries(
      [...this.agents].map(([name, agent]) => [name, agent.crashedTick !== undefined ? 'crashed' : lifecycleLeaf(agent.actor.getSnapshot())]),
    );
  }

  voterNames(): string[] {
    return this.members.filter((m) => !m.isLearner).map((m) => m.name).sort();
  }

  private send(agent: SimAgent, event: LifecycleEvent): void {
    if (agent.crashedTick !== undefined || agent.actor.getSnapshot().status === 'done') return;
    agent.actor.send(event);
  }

  /** Runs `steps` ticks, checking every invariant after each. */
  async run(steps: number): Promise<void> {
    for (let i = 0; i < steps; i++) await this.step();
  }

  /** Runs until `done()` holds, at most `maxSteps` ticks. */
  async runUntil(done: () => boolean, maxSteps: number): Promise<number> {
    for (let i = 0; i < maxSteps; i++) {
      if (done()) return i;
      await this.step();
    }
    if (done()) return maxSteps;
    throw new ClusterInvariantError(`not reached in ${maxSteps} steps: ${JSON.stringify(this.states())}\n${this.log.slice(-30).join('\n')}`);
  }

  private async step(): Promise<void> {
    this.tick++;
    this.lastIndex += 3;
    this.runEffects();
    if (this.pendingConfChange !== undefined) {
      this.pendingConfChange();
      this.pendingConfChange = undefined;
      this.pendingVoterIds = undefined;
    }
    this.expireLeases();
    if (this.tick % REPAIR_EVERY_TICKS === 0) this.repairKeys();
    for (const member of this.members) if (this.isServing(member)) this.lastHeardTick.set(member.id, this.tick);
    this.electIfLeaderless();
    this.deliverWatches();
    this.runEffects();
    this.driveNominator();
    // Let the nominator's applyDecision promises settle.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    this.runEffects();
    this.clock.increment(TICK_MS);
    this.runEffects();
    this.checkInvariants();
  }

  private runEffects(): void {
    for (let round = 0; round < 50; round++) {
      let any = false;
      for (const agent of this.agents.values()) {
        const effect = agent.effects.shift();
        if (effect === undefined) continue;
        any = true;
        this.perform(agent, effect);
      }
      if (!any) return;
    }
    throw new ClusterInvariantError('effects did not settle in 50 rounds');
  }

  private perform(agent: SimAgent, effect: Effect): void {
    const host = (effect.params as HostParams | undefined)?.hostname ?? agent.hostname;
    this.log.push(`t=${this.tick} ${agent.hostname} ${effect.type}`);
    switch (effect.type) {
      case 'connectToSeed':
        if (this.hasServingLeader()) {
          agent.disk.belongs = true;
          return this.send(agent, { type: 'seed.connected', seed: 'http://seed:2379' });
        }
        return this.send(agent, { type: 'seed.unreachable', seed: 'http://seed:2379' });
      case 'writeVolunteerKey': {
        const held = this.volunteers.get(host);
        if (held !== undefined && held.lease !== agent.hostname) return this.send(agent, { type: 'hostname.duplicated' });
        this.volunteers.set(host, { urls: [`http://${host}:2380`], lease: agent.hostname });
        return this.send(agent, { type: 'volunteer.registered' });
      }
      case 'revokeVolunteerKey':
        if (this.volunteers.get(host)?.lease === agent.hostname) this.volunteers.delete(host);
        return this.send(agent, { type: 'volunteer.revoked' });
      case 'bootstrapCluster': {
        // One cluster, ever: a host whose data directory belongs to it must never start another.
        if (this.bootstrapped) throw new ClusterInvariantError(`t=${this.tick} ${host} bootstrapped a second cluster\n${this.log.slice(-20).join('\n')}`);
        this.bootstrapped = true;
        const id = String(this.nextMemberId++);
        agent.disk = { memberId: id, belongs: true };
        this.members = [{ id, name: host, isLearner: false, peerUrls: [`http://${host}:2380`], addedTick: this.tick }];
        this.leaderId = id;
        agent.memberRunning = true;
        agent.memberId = id;
        return this.send(agent, { type: 'member.started', memberId: id });
      }
      case 'restartMember':
        if (agent.memberRunning) throw new ClusterInvariantError(`${host}: restartMember while its member runs (EADDRINUSE)`);
        agent.memberRunning = true;
        agent.memberId = agent.disk.memberId;
        agent.seen.removed = false;
        agent.seen.isVoter = false;
        return this.send(agent, { type: 'member.started', memberId: agent.memberId });
      case 'startMember':
        if (agent.memberRunning) throw new ClusterInvariantError(`${host}: startMember while its member runs (EADDRINUSE)`);
        agent.memberRunning = true;
        agent.memberId = undefined;
        agent.seen.removed = false;
        agent.seen.isVoter = false;
        return this.send(agent, { type: 'member.started' });
      case 'advertiseEndpoint':
        this.endpoints.set(host, [`http://${host}:2379`]);
        return;
      case 'withdrawEndpoint':
        this.endpoints.delete(host);
        return;
      case 'transferLeadership': {
        const next = this.members.find((m) => !m.isLearner && m.id !== this.leaderId && this.isServing(m));
        if (next !== undefined) this.leaderId = next.id;
        return;
      }
      case 'stopMember':
        // A removed member's data is wiped (its id is never reused); the record stays.
        if (agent.memberId !== undefined && !this.members.some((m) => m.id === agent.memberId)) agent.disk.memberId = undefined;
        agent.memberRunning = false;
        agent.memberId = undefined;
        return this.send(agent, { type: 'member.stopped' });
      default:
        throw new ClusterInvariantError(`unknown effect ${effect.type}`);
    }
  }

  /**
   * What the real agents and leader do about damaged keys: each live agent
   * puts back its volunteer key (while it volunteers or serves, not while
   * it leaves) and its endpoint (while its peer runs); the serving leader
   * puts back `nominated/<member>` for every member.
   */
  private repairKeys(): void {
    for (const agent of this.agents.values()) {
      const snapshot = agent.actor.getSnapshot();
      if (agent.crashedTick !== undefined || snapshot.status === 'done') continue;
      const host = agent.hostname;
      const held = this.volunteers.get(host);
      const volunteering = snapshot.matches({ volunteer: 'waiting' }) || snapshot.matches('nominated') || snapshot.matches('peer');
      if (volunteering && (held === undefined || !urlsOk(held.urls))) {
        this.volunteers.set(host, { urls: [`http://${host}:2380`], lease: host });
        this.log.push(`t=${this.tick} ${host} re-wrote its volunteer key`);
      }
      const endpoint = this.endpoints.get(host);
      if (snapshot.matches({ peer: 'running' }) && (endpoint === undefined || !urlsOk(endpoint))) this.endpoints.set(host, [`http://${host}:2379`]);
    }
    if (!this.hasServingLeader()) return;
    for (const member of this.members) {
      const record = this.nominated.get(member.name);
      if (record === undefined || record.join(',') !== member.peerUrls.join(',')) this.nominated.set(member.name, member.peerUrls);
    }
  }

  /** A crashed agent's lease expires LEASE_TTL_TICKS after the crash, taking its keys. */
  private expireLeases(): void {
    for (const agent of this.agents.values()) {
      if (agent.crashedTick === undefined || this.tick - agent.crashedTick < LEASE_TTL_TICKS) continue;
      if (this.volunteers.get(agent.hostname)?.lease === agent.hostname) this.volunteers.delete(agent.hostname);
      this.endpoints.delete(agent.hostname);
    }
    // A restart does not save the crashed run's lease: the endpoint it wrote goes with it (cluster.property
    // seed 14: it stayed forever, and the nominator never nominated a host that seemed to run its removed member),
    // unless the new run serves and has written its own.
    for (const run of this.restartedAfterCrash.filter((r) => this.tick - r.crashedTick === LEASE_TTL_TICKS)) {
      if (!this.agents.get(run.hostname)?.actor.getSnapshot().matches({ peer: 'running' })) this.endpoints.delete(run.hostname);
    }
  }

  /** Whether the leader's process runs: only then is there a cluster to talk to. */
  private hasServingLeader(): boolean {
    const leader = this.members.find((m) => m.id === this.leaderId);
    return leader !== undefined && this.isServing(leader);
  }

  /** Raft elects a serving voter when the leader's process is gone and a majority still serves. */
  private electIfLeaderless(): void {
    const leader = this.members.find((m) => m.id === this.leaderId);
    if (leader !== undefined && !leader.isLearner && this.isServing(leader)) return;
    const voters = this.members.filter((m) => !m.isLearner);
    const serving = voters.filter((m) => this.isServing(m));
    const next = serving[0];
    if (next === undefined || serving.length < majority(voters.length)) return;
    this.log.push(`t=${this.tick} ${next.name} elected`);
    this.leaderId = next.id;
  }

  /** Whether a member's process runs and serves that member id. */
  private isServing(member: SimMember): boolean {
    const agent = this.agents.get(member.name);
    return agent !== undefined && agent.memberRunning && agent.memberId === member.id;
  }

  /** What each agent's watches would report: its nomination, its membership, leadership, cluster size. */
  private deliverWatches(): void {
    for (const agent of this.agents.values()) {
      // A joining member learns its id when the leader first contacts it.
      if (agent.memberRunning && agent.memberId === undefined) {
        const added = this.members.find((m) => m.name === agent.hostname);
        if (added !== undefined) {
          agent.memberId = added.id;
          agent.disk = { memberId: added.id, belongs: true };
        }
      }
      const isMember = agent.memberId !== undefined && this.members.some((m) => m.id === agent.memberId);
      // A record a client filled with garbage is no nomination, as for the agent (isNominationRecord).
      const record = this.nominated.get(agent.hostname);
      const keyPresent = isNominationRecord(record === undefined ? undefined : encodeUrls(record));
      const nominated = isNominated({ ownsHostname: true, keyPresent, isMember });
      if (nominated !== agent.seen.nominated) {
        agent.seen.nominated = nominated;
        this.send(agent, nominated ? { type: 'nomination.received' } : { type: 'nomination.revoked' });
      }
      const self = this.members.find((m) => m.id === agent.memberId);
      if (agent.memberId !== undefined && self === undefined && !agent.seen.removed) {
        agent.seen.removed = true;
        this.send(agent, { type: 'member.removed' });
      }
      const isVoter = self !== undefined && !self.isLearner;
      if (isVoter && !agent.seen.isVoter) this.send(agent, { type: 'member.promoted' });
      agent.seen.isVoter = isVoter;
      const isLeader = self !== undefined && this.leaderId === self.id;
      if (isLeader !== agent.seen.isLeader) {
        agent.seen.isLeader = isLeader;
        this.send(agent, { type: 'leadership.changed', isLeader });
      }
      const voters = this.members.filter((m) => !m.isLearner).length;
      const otherVolunteers = [...this.volunteers.keys()].filter((host) => host !== agent.hostname).length;
      const learners = this.members.length - voters;
      const observed = `${voters}/${this.idealClusterSize}/${otherVolunteers}/${learners}`;
      if (observed !== agent.seen.observed && this.hasServingLeader()) {
        agent.seen.observed = observed;
        this.send(agent, { type: 'cluster.observed', voters, idealClusterSize: this.idealClusterSize, otherVolunteers, learners });
      }
    }
  }

  /** Runs the nominator on the leader's agent, feeding it a view every tick. */
  private driveNominator(): void {
    if (this.leaderId === undefined || !this.hasServingLeader()) return;
    if (this.nominator?.leaderId !== this.leaderId) {
      this.nominator?.actor.send({ type: 'leadership.lost' });
      this.nominator?.actor.stop();
      const apply = fromPromise<void, ChangeDecision>(async ({ input }) => this.applyDecision(input));
      const actor = createActor(nominatorMachine.provide({ actors: { applyDecision: apply } }), {
        clock: this.clock,
        input: { policy: this.policy, timing: { retry: { baseDelayMs: 100, maxDelayMs: 400 }, observeTimeoutMs: 2_000 } },
      });
      actor.start();
      this.nominator = { actor, leaderId: this.leaderId };
    }
    this.nominator.actor.send({ type: 'view.updated', view: this.view() });
  }

  private applyDecision(decision: ChangeDecision): void {
    this.log.push(`t=${this.tick} nominator ${decision.kind} ${decision.hostname}: ${decision.reason}`);
    const propose = (change: () => void) => {
      if (this.pendingConfChange !== undefined) {
        this.refusedConfChanges++;
        throw new Error('a membership change is already in flight');
      }
      this.pendingConfChange = change;
    };
    switch (decision.kind) {
      case 'nominate':
        this.nominated.set(decision.hostname, decision.peerUrls);
        return;
      case 'unnominate':
        this.nominated.delete(decision.hostname);
        return;
      case 'addLearner': {
        const id = String(this.nextMemberId++);
        const member = { id, name: decision.hostname, isLearner: true, peerUrls: decision.peerUrls, addedTick: this.tick };
        return propose(() => void this.members.push(member));
      }
      case 'promoteLearner':
        this.pendingVoterIds = [...this.voterIds(), decision.memberId];
        return propose(() => {
          const member = this.members.find((m) => m.id === decision.memberId);
          if (member !== undefined) member.isLearner = false;
        });
      case 'removeMember':
        this.pendingVoterIds = this.voterIds().filter((id) => id !== decision.memberId);
        return propose(() => {
          this.members = this.members.filter((m) => m.id !== decision.memberId);
        });
      case 'transferLeadership': {
        const target = this.members.find((m) => m.id === decision.toMemberId);
        if (target !== undefined && this.isServing(target)) this.leaderId = target.id;
        return;
      }
    }
  }

  private voterIds(): string[] {
    return this.members.filter((m) => !m.isLearner).map((m) => m.id);
  }

  private view(): ClusterView {
    // Values that are not URLs are left out, as the agent's view does (readUrlMap).
    const urls = (map: Map<string, string[]>) => Object.fromEntries([...map].filter(([, u]) => urlsOk(u)));
    return {
      tick: this.tick,
      leaderId: this.leaderId ?? '',
      leaderLastIndex: this.lastIndex,
      leaderCommittedInTerm: true,
      confChangePending: this.pendingConfChange !== undefined,
      volunteers: Object.fromEntries([...this.volunteers].filter(([, v]) => urlsOk(v.urls)).map(([host, v]) => [host, v.urls])),
      // Every member counts as nominated whatever its record says, as in the agent's view (nominatedOf): the
      // leader's repairs put the record back, the nominator does not.
      nominated: { ...Object.fromEntries(this.members.map((m) => [m.name, m.peerUrls])), ...urls(this.nominated) },
      endpoints: urls(this.endpoints),
      members: this.members.map((m) => ({
        id: m.id,
        name: m.name,
        peerUrls: m.peerUrls,
        isLearner: m.isLearner,
        matchIndex: this.isServing(m) ? this.lastIndex : 0,
        lastHeardTicksAgo: m.id === this.leaderId ? 0 : this.tick - (this.lastHeardTick.get(m.id) ?? m.addedTick),
      })),
      idealClusterSize: this.idealClusterSize,
      ...(this.zones.size > 0 ? { zones: Object.fromEntries(this.zones) } : {}),
      ...(this.idealStandbySize > 0 ? { idealStandbySize: this.idealStandbySize } : {}),
    };
  }

  /** Learner names, sorted. */
  learnerNames(): string[] {
    return this.members.filter((m) => m.isLearner).map((m) => m.name).sort();
  }

  private checkInvariants(): void {
    for (const agent of this.agents.values()) {
      if (agent.crashedTick !== undefined) continue;
      const violation = lifecycleInvariantViolation(agent.actor.getSnapshot());
      if (violation !== undefined) throw new ClusterInvariantError(`t=${this.tick} ${agent.hostname}: ${violation}`);
    }
    const voters = this.members.filter((m) => !m.isLearner);
    const serving = voters.filter((m) => this.isServing(m)).length;
    // The last member of a cluster that is being shut down takes the cluster with it: that is the end, not a loss.
    const lastLeaving = voters.length === 1 && this.agents.get(voters[0]!.name)?.actor.getSnapshot().context.shutdownRequested === true;
    // Once the last member has shut the cluster down, a restart without its data cannot bring it back (nor may it start another).
    if (lastLeaving) this.shutDownAt = this.tick;
    if (voters.length > 0 && serving < majority(voters.length) && !lastLeaving && this.shutDownAt === undefined) {
      throw new ClusterInvariantError(`t=${this.tick} quorum lost: ${serving}/${voters.length} voters serving\n${this.log.slice(-20).join('\n')}`);
    }
    if (this.refusedConfChanges > 0) throw new ClusterInvariantError('two membership changes were in flight');
  }
}
