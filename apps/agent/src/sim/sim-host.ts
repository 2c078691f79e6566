/**
 * One simulated agent process: the real lifecycle machine (on the world's
 * SimulatedClock), the real effects (LifecycleEffects) through a simulated
 * EffectsPort, the real observer over the keys the leader it reaches holds,
 * its lease kept alive through that leader, the real removal check
 * (cluster/removal-check.ts) through a simulated outside client, and,
 * while its member leads, the real nominator (sim-nominator.ts).
 */
import { IDEAL_CLUSTER_SIZE_KEY, MGMT_PREFIX, lifecycleMachine, parseIdealClusterSize } from '@mgmt/cluster-fsm';
import { createActor, type Actor } from 'xstate';
import { ClusterUnavailableError } from '../cluster/cluster-client.js';
import { newHostFacts, type EffectsPort, type HostFacts, type LifecycleEvent } from '../effects/effects-port.js';
import { LifecycleEffects } from '../effects/lifecycle-effects.js';
import { RemovalCheck, heardLeaderAgoMs, lifecyclePhase } from '../cluster/removal-check.js';
import { silentLogger } from '../log.js';
import { observe } from '../observe/observer.js';
import type { SimMember } from './sim-member.js';
import { SimNominator, type NominatorBugs } from './sim-nominator.js';
import { SimOutsideClient } from './sim-outside-client.js';
import type { SimWorld } from './sim-world.js';

const enc = new TextEncoder();

/** The lease's time to live (the agent's default: 5 s). */
export const LEASE_TTL_MS = 5_000;
/** Steps between the host's keep-alives (300 ms on a 20 ms step). */
const KEEPALIVE_EVERY_STEPS = 15;
/**
 * The agent observes when its `/_mgmt/` watch delivers a change and on its
 * own tick (every second) when what it reads changed: here, within 100 ms
 * of a change to the store it reads, of its member's configuration or of
 * its lifecycle state, and every second regardless.
 */
const OBSERVE_CHANGES_EVERY_STEPS = 5;
/** Also production's period of the removal check (the agent's local tick, every second). */
const OBSERVE_EVERY_STEPS = 50;

/** What the data directory of a host keeps across its restarts. */
export interface SimDisk {
  member?: { memberId: number; clusterId: string };
  record?: { clusterId: string; endpoints: string[] };
}

/** Test-only switches that break a rule, to show the checkers catch it. */
export interface HostBugs extends NominatorBugs {
  /**
   * The leaver skips the hand-over: on Ctrl-C it neither hands leadership
   * over nor waits to be un-nominated, and stops its member at once (as a
   * second Ctrl-C forces).
   */
  leaverSkipsHandOver?: boolean;
}

/** The URLs of a simulated host. */
export function clientUrlOf(address: string): string {
  return `http://${address}.sim:2379`;
}

function peerUrlOf(address: string): string {
  return `http://${address}.sim:2380`;
}

/** One simulated agent; see the file comment. */
export class SimHost {
  readonly actor: Actor<typeof lifecycleMachine>;
  readonly facts: HostFacts<SimMember> = newHostFacts();
  readonly effects: LifecycleEffects<SimMember>;
  private leaseId = 0;
  private steps = 0;
  /** What the last observation saw (see OBSERVE_CHANGES_EVERY_STEPS). */
  private observed = '';
  readonly nominator: SimNominator;
  private readonly removalCheck: RemovalCheck<SimMember>;
  alive = true;
  private diesOnMemberStart = false;

  constructor(
    private readonly world: SimWorld,
    readonly hostname: string,
    /** Where the network finds this process (its hostname, unless two processes share one). */
    readonly address: string,
    readonly seeds: string[],
    readonly disk: SimDisk,
    idealClusterSize: number,
    private readonly bugs: HostBugs,
  ) {
    const config = { hostname, seeds, clientUrls: [clientUrlOf(address)], serverUrls: [peerUrlOf(address)], idealClusterSize };
    this.nominator = new SimNominator(world, idealClusterSize);
    this.effects = new LifecycleEffects(config, this.port(idealClusterSize), this.facts);
    const actions = this.effects.actions();
    const machine = lifecycleMachine.provide({ actions });
    this.actor = createActor(machine, {
      clock: world.xclock,
      input: {
        hostname,
        seeds,
        peerUrls: config.serverUrls,
        clientUrls: config.clientUrls,
        noServer: false,
        hasMemberData: disk.member !== undefined,
        knownCluster: disk.record ? { clusterId: disk.record.clusterId, endpoints: disk.record.endpoints.filter((u) => u !== clientUrlOf(address)) } : undefined,
        timing: {
          duplicateHostnameGraceMs: 2 * LEASE_TTL_MS + 1000,
          connectRetry: { baseDelayMs: 100, maxDelayMs: 250 },
          volunteerRetry: { baseDelayMs: 250, maxDelayMs: 1_000 },
        },
      },
    });
    this.removalCheck = new RemovalCheck<SimMember>({
      config,
      facts: this.facts,
      local: () => {
        const peer = this.facts.peer;
        return peer && !peer.stopped && peer.state.members.has(peer.id) ? peer : undefined;
      },
      phase: () => lifecyclePhase(this.actor.getSnapshot()),
      heardLeaderAgoMs: () => heardLeaderAgoMs(this.facts.peer?.member.raft, world.nowMs),
      outside: new SimOutsideClient(world, address, (url) => {
        const h = [...world.hosts.values()].find((x) => clientUrlOf(x.address) === url);
        return h && { address: h.address, member: () => (h.alive ? h.facts.peer : undefined) };
      }),
      send: (e) => this.send(e),
      log: silentLogger(),
    });
    this.actor.start();
  }

  /** The lifecycle state, as the status page names it. */
  get state(): string {
    return JSON.stringify(this.actor.getSnapshot().value);
  }

  send(event: LifecycleEvent): void {
    if (this.alive && this.actor.getSnapshot().status === 'active') this.actor.send(event);
  }

  /** Ctrl-C (with the planted bug, at once a second one: no hand-over). */
  shutdown(): void {
    this.send({ type: 'shutdown.requested' });
    if (this.bugs.leaverSkipsHandOver) this.send({ type: 'shutdown.requested' });
  }

  /** The process is killed: the machine stops, the member crashes (its disk keeps what survives). */
  kill(): void {
    this.alive = false;
    this.nominator.stop();
    this.actor.stop();
    const peer = this.facts.peer;
    if (peer) this.world.crashMember(peer.id);
  }

  /** From now on the process dies the moment it is told to start its member. */
  dieOnMemberStart(): void {
    this.diesOnMemberStart = true;
  }

  /** Whether the process finished (Ctrl-C done). */
  get done(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** One world step of this host: keep-alive, observation, removal check (the nominator runs on the world's clock). */
  step(): void {
    if (!this.alive || this.done) return;
    this.steps++;
    if (this.steps % KEEPALIVE_EVERY_STEPS === 0) this.keepAlive();
    if (this.steps % OBSERVE_CHANGES_EVERY_STEPS === 0) this.observeIfChanged();
    if (this.steps % OBSERVE_EVERY_STEPS === 0) this.removalCheck.start();
  }

  private keepAlive(): void {
    if (this.leaseId === 0) return;
    const left = this.world.renewLease(this.address, this.leaseId, LEASE_TTL_MS);
    if (left === 0) {
      this.leaseId = 0;
      this.send({ type: 'lease.lost' });
    }
  }

  private observeIfChanged(): void {
    const leader = this.world.leaderFor(this.address);
    const peer = this.facts.peer;
    const inputs = `${leader?.id ?? 0}:${leader?.state.kv.revision ?? 0}:${peer && !peer.stopped ? peer.driver.conf.voters.length : 0}:${this.state}`;
    if (inputs === this.observed && this.steps % OBSERVE_EVERY_STEPS !== 0) return;
    this.observed = inputs;
    this.observeNow();
  }

  /** The observer over the keys of the leader this host reaches (the agent's mirror of its watch). */
  private observeNow(): void {
    const leader = this.world.leaderFor(this.address);
    if (!leader) return;
    const kvs = this.world.read(leader, MGMT_PREFIX, true);
    const peer = this.facts.peer;
    const local = peer && !peer.stopped && peer.state.members.has(peer.id) ? peer : undefined;
    const ideal = parseIdealClusterSize(kvs.find((kv) => kv.key === IDEAL_CLUSTER_SIZE_KEY)?.value, 5).size;
    const obs = observe({
      hostname: this.hostname,
      kvs,
      ownsHostname: this.facts.ownsHostname,
      isMember: !this.facts.removed && local !== undefined,
      nominatedBefore: this.facts.nominatedSeen,
      localVoters: local ? local.driver.conf.voters.length : leader.driver.conf.voters.length,
      localLearners: local ? local.driver.conf.learners.length : leader.driver.conf.learners.length,
      idealClusterSize: ideal,
      promotedUnsent: local !== undefined && !this.facts.promotedSent && local.state.members.get(local.id)?.isLearner === false,
    });
    this.facts.nominatedSeen = obs.nominated;
    this.facts.knownEndpoints = obs.endpoints;
    for (const e of obs.events) {
      if (e.type === 'member.promoted') this.facts.promotedSent = true;
      this.send(e);
    }
  }

  /** The effects' port on the simulated world. */
  private port(idealClusterSize: number): EffectsPort<SimMember> {
    const world = this.world;
    const host = this.address;
    const memberAt = (url: string): SimMember => {
      const target = [...world.hosts.values()].find((h) => clientUrlOf(h.address) === url);
      const m = target?.alive ? target.facts.peer : undefined;
      if (!target || !m || m.stopped || !world.reaches(host, target.address)) throw new ClusterUnavailableError(`${url}: unreachable`);
      return m;
    };
    const leader = (): SimMember => {
      const l = world.leaderFor(host);
      if (!l) throw new ClusterUnavailableError(`${host}: no leader reachable`);
      return l;
    };
    void idealClusterSize;
    const disk = this.disk;
    return {
      cluster: this.gated({
        ping: async (url) => memberAt(url).o.clusterId,
        getPrefixAt: async (url, prefix) => world.read(memberAt(url), prefix, true),
        get: async (key) => world.read(leader(), key, false)[0],
        put: async (key, value, lease = 0) => void (await world.write(host, { put: { key: enc.encode(key), value: enc.encode(value), lease } })),
        delete: async (key) => {
          const r = await world.write(host, { deleteRange: { key: enc.encode(key) } });
          return Number((r.response as { deleted?: number }).deleted ?? 0);
        },
        putIfAbsent: async (key, value, lease = 0) => {
          const k = enc.encode(key);
          const r = await world.write(host, {
            txn: { compare: [{ key: k, target: 1, result: 0, createRevision: 0 }], success: [{ requestPut: { key: k, value: enc.encode(value), lease } }], failure: [{ requestRange: { key: k } }] },
          });
          const res = r.response as { succeeded?: boolean };
          if (res.succeeded) return { created: true };
          return { created: false, existing: world.read(leader(), key, false)[0] };
        },
        memberList: async () => leader().state.members.list().map((m) => ({ ID: m.id, name: m.name, peerURLs: m.peerUrls, isLearner: m.isLearner })),
        setEndpoints: () => {},
        setHome: () => {},
      }),
      lease: this.gated({
        ttl: LEASE_TTL_MS / 1000,
        ensure: async () => {
          if (this.leaseId !== 0) return this.leaseId;
          const id = world.rng.int(2 ** 30) + 1;
          await world.write(host, { leaseGrant: { TTL: LEASE_TTL_MS / 1000, ID: id } });
          world.noteLease(id, LEASE_TTL_MS);
          this.leaseId = id;
          return id;
        },
      }),
      putOnLease: async (key, value, lease) => void (await this.gate(world.write(host, { put: { key: enc.encode(key), value: enc.encode(value), lease } }))),
      members: this.gated({
        start: async (o) => {
          if (this.diesOnMemberStart) {
            // The process dies as it starts its member (the fault of 'nominee-never-starts').
            world.clock.defer(() => this.kill());
            return new Promise<SimMember>(() => {});
          }
          this.disk.member = { memberId: o.memberId, clusterId: o.clusterId };
          return world.openMember({ memberId: o.memberId, clusterId: o.clusterId, hostname: this.hostname, address: host, peerUrls: [peerUrlOf(host)], bootstrap: o.bootstrap });
        },
        watch: () => [],
        leading: (m, isLeader) => (isLeader ? this.nominator.start(m) : this.nominator.stop()),
        stopping: () => {
          this.nominator.stop();
          const peer = this.facts.peer;
          if (peer) for (const fn of world.onMemberLeaving) fn(peer);
        },
        keepPeerUrlsCurrent: () => {},
      }),
      disk: {
        identity: () => this.disk.member,
        wipe: () => {
          this.disk.member = undefined;
        },
      },
      belonging: {
        get record() {
          return disk.record;
        },
        adopt: (clusterId) => this.saveRecord({ clusterId }),
        save: (u) => this.saveRecord(u),
        belongTo: () => {},
      },
      hello: { probeSeeds: async () => {}, open: async () => {}, close: async () => {} },
      clock: { nowMs: () => world.nowMs, sleep: (ms) => this.gate(new Promise<void>((r) => world.clock.after(ms, r))) },
      randomId: () => world.rng.int(2 ** 46) + 1,
      refreshClientEndpoints: () => {},
      send: (e) => this.send(e),
      log: silentLogger(),
    };
  }

  /**
   * A killed process does nothing more: what its effects await never
   * settles (its promise chains freeze, as a dead process's would).
   */
  private gate<T>(p: Promise<T>): Promise<T> {
    const never = new Promise<T>(() => {});
    return p.then(
      (v) => (this.alive ? v : never),
      (err: unknown) => (this.alive ? Promise.reject(err) : never),
    );
  }

  /** `ops` with every promise it returns gated (see gate). */
  private gated<T extends object>(ops: T): T {
    return new Proxy(ops, {
      get: (target, key) => {
        const v: unknown = Reflect.get(target, key);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          const r: unknown = (v as (...a: unknown[]) => unknown).apply(target, args);
          return r instanceof Promise ? this.gate(r) : r;
        };
      },
    });
  }

  private saveRecord(u: { clusterId: string; endpoints?: string[] }): void {
    const r = this.disk.record;
    this.disk.record = { clusterId: r?.clusterId ?? u.clusterId, endpoints: u.endpoints ?? r?.endpoints ?? [] };
  }
}
