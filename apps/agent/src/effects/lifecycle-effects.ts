/**
 * What the lifecycle machine's actions do (moved out of agent.ts, unchanged
 * in behaviour): connect to a seed, write and revoke the volunteer key,
 * advertise and withdraw the endpoint, start the member (bootstrap, restart
 * from disk, or join as the member the leader added), hand over leadership,
 * stop the member. Every contact with the world goes through the
 * EffectsPort, so the agent simulator runs this same code.
 */
import {
  ENDPOINTS_PREFIX,
  IDEAL_CLUSTER_SIZE_KEY,
  MGMT_PREFIX,
  encodeUrls,
  endpointKey,
  nominatedKey,
  parseUrlsValue,
  volunteerKey,
  zoneKey,
  type HostParams,
  type StopMemberParams,
} from '@mgmt/cluster-fsm';
import { isLeaseGone } from '../cluster/agent-lease.js';
import { ClusterUnavailableError } from '../cluster/cluster-client.js';
import { KeyKeeper } from '../cluster/restart-from-disk.js';
import type { Clock, EffectsConfig, EffectsPort, HostFacts, KnownMember, LocalMember } from './effects-port.js';

/** How long a leaver retries deleting its volunteer key while no leader answers. */
const REVOKE_RETRY_MS = 5_000;

/** Runs `write` again while the cluster is unreachable (ClusterUnavailableError), until `untilMs`. */
async function untilAnswered(clock: Clock, untilMs: number, write: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof ClusterUnavailableError) || clock.nowMs() > untilMs) throw err;
      await clock.sleep(50);
    }
  }
}

/** The effects of one agent's lifecycle machine. */
export class LifecycleEffects<M extends LocalMember> {
  /** The endpoint and volunteer keys, written until they stick while the member runs (see restart-from-disk.ts). */
  readonly endpointKey: KeyKeeper;
  readonly volunteerKey: KeyKeeper;
  private chain: Promise<void> = Promise.resolve();
  private unsubscribe: Array<() => void> = [];
  private readonly staleVoterLogged = new Set<number>();

  constructor(
    private readonly config: EffectsConfig,
    private readonly port: EffectsPort<M>,
    private readonly facts: HostFacts<M>,
  ) {
    this.endpointKey = new KeyKeeper(port.log, 'advertise endpoint', port.clock.sleep);
    this.volunteerKey = new KeyKeeper(port.log, 'write volunteer key', port.clock.sleep);
  }

  /** The lifecycle machine's actions, for `lifecycleMachine.provide({ actions })`. */
  actions() {
    return {
      connectToSeed: (_a: unknown, p: { seed: string }) => void this.connectToSeed(p.seed),
      writeVolunteerKey: (_a: unknown, p: HostParams) => this.effect(() => this.writeVolunteerKey(p)),
      revokeVolunteerKey: (_a: unknown, p: HostParams) => this.effect(() => this.revokeVolunteerKey(p)),
      bootstrapCluster: () => this.effect(() => this.startPeer('bootstrap')),
      restartMember: () => this.effect(() => this.startPeer('restart')),
      startMember: () => this.effect(() => this.startPeer('join')),
      advertiseEndpoint: (_a: unknown, p: HostParams) => this.effect(() => this.advertiseEndpoint(p)),
      withdrawEndpoint: (_a: unknown, p: HostParams) => this.effect(() => this.best(() => this.endpointKey.withdraw(() => this.port.cluster.delete(endpointKey(p.hostname))), 'withdraw endpoint')),
      transferLeadership: () => this.effect(() => this.handOverLeadership()),
      stopMember: (_a: unknown, p: StopMemberParams) => this.effect(() => this.stopPeer(p)),
    };
  }

  /** Resolves once every effect asked for so far has run. */
  settled(): Promise<void> {
    return this.chain;
  }

  /**
   * Runs effects one after another in the order the machine asked for them
   * (withdraw the endpoint before stopping the member, and so on).
   */
  private effect(fn: () => Promise<void>): void {
    this.chain = this.chain.then(fn).catch((err) => this.port.log.error({ err: (err as Error).message }, 'effect failed'));
  }

  private async best(fn: () => Promise<unknown>, what: string): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.port.log.warn({ err: (err as Error).message }, `${what} failed`);
    }
  }

  /** Client URLs that are not this agent's own. */
  private otherEndpoints(urls: readonly string[]): string[] {
    return urls.filter((u) => !this.config.clientUrls.includes(u));
  }

  private async connectToSeed(seed: string): Promise<void> {
    const { cluster, belonging } = this.port;
    if (this.config.bootstrapExpect !== undefined && belonging.record === undefined) return this.port.hello.probeSeeds(this.config.bootstrapExpect);
    try {
      const clusterId = await cluster.ping(seed);
      if (clusterId !== '') belonging.adopt(clusterId);
      await this.learnEndpoints(seed);
      const all = [seed, ...this.config.seeds, ...this.facts.knownEndpoints];
      cluster.setEndpoints(this.facts.peer ? all : this.otherEndpoints(all));
      this.port.send({ type: 'seed.connected', seed });
    } catch (err) {
      const record = belonging.record;
      if (record && this.config.seeds.length === 0) {
        const known = this.otherEndpoints(record.endpoints);
        this.port.log.warn(
          { clusterId: record.clusterId, known, err: (err as Error).message },
          `this host belongs to cluster ${record.clusterId}; not starting a new cluster; known members: ${known.join(', ') || 'none recorded'} (start with --force-new-cluster to start a new one from this data)`,
        );
      }
      this.port.send({ type: 'seed.unreachable', seed, error: (err as Error).message });
    }
  }

  /**
   * Learns the members' client URLs from the seed that just answered, before
   * anything else: an agent that knows only its seed loses its lease (and its
   * volunteer key) when that seed dies right after, as a cut-off leader does.
   */
  private async learnEndpoints(seed: string): Promise<void> {
    try {
      const kvs = await this.port.cluster.getPrefixAt(seed, ENDPOINTS_PREFIX);
      const urls: string[] = [];
      for (const kv of kvs) {
        const parsed = parseUrlsValue(kv.value);
        if (parsed.ok) urls.push(...parsed.urls);
      }
      if (urls.length > 0) this.facts.knownEndpoints = [...new Set([...urls, ...this.facts.knownEndpoints])];
    } catch {
      // the next poll learns them
    }
  }

  private async writeVolunteerKey(p: HostParams): Promise<void> {
    const peer = this.facts.peer;
    const { cluster, lease } = this.port;
    if (peer) {
      // This host's member runs (bootstrapped, restarted from disk, or lost its lease): the key is its own; keep trying until the cluster answers.
      const remove = () => cluster.delete(volunteerKey(p.hostname));
      await this.best(() => this.volunteerKey.write(() => this.claimVolunteerKey(p), remove, () => this.facts.peer === peer), 'write volunteer key');
      return;
    }
    let id = 0;
    try {
      id = await lease.ensure();
      const r = await cluster.putIfAbsent(volunteerKey(p.hostname), encodeUrls(p.peerUrls), id);
      if (r.created || r.existing?.lease === id) {
        this.facts.ownsHostname = true;
        await this.publishZone(id);
        this.port.send({ type: 'volunteer.registered' });
        return;
      }
      // A previous run of this host in this fleet had a lease of at most this TTL: wait two of them for it to expire.
      this.port.send({ type: 'hostname.duplicated', detail: `${volunteerKey(p.hostname)} is held by another agent (lease ${r.existing?.lease ?? 0})`, graceMs: 2_000 * lease.ttl + 1_000 });
    } catch (err) {
      // A lease that ran out meanwhile is forgotten now, so the retry takes a new one at once.
      if (isLeaseGone(err)) lease.drop?.(id);
      this.port.send({ type: 'volunteer.failed', error: (err as Error).message });
    }
  }

  /** The volunteer key on this agent's lease, taking it over from a previous run of this host (its lease not yet expired). */
  private async claimVolunteerKey(p: HostParams): Promise<void> {
    const { cluster } = this.port;
    const id = await this.port.lease.ensure();
    const r = await cluster.putIfAbsent(volunteerKey(p.hostname), encodeUrls(p.peerUrls), id);
    if (!r.created && r.existing?.lease !== id) await cluster.put(volunteerKey(p.hostname), encodeUrls(p.peerUrls), id);
    this.facts.ownsHostname = true;
    await this.publishZone(id);
    this.port.send({ type: 'volunteer.registered' });
  }

  /** `/_mgmt/zones/<hostname>` on the volunteer key's lease (issue 22), when this host has a `--zone`. */
  private async publishZone(lease: number): Promise<void> {
    if (this.config.zone !== undefined) await this.port.putOnLease(zoneKey(this.config.hostname), this.config.zone, lease);
  }

  /**
   * Deletes the volunteer key, retried for a moment while no leader answers:
   * a leaving leader revokes right after its hand-over, while its successor
   * may still be a candidate, and a delete lost then leaves the key in place,
   * so the leaver is never un-nominated and, after the shutdown timeout, stops
   * as a voter (a 2-voter cluster loses its quorum; agent simulator, seed
   * 11532 of the leave scenario).
   */
  private async revokeVolunteerKey(p: HostParams): Promise<void> {
    const { clock, cluster } = this.port;
    const until = clock.nowMs() + REVOKE_RETRY_MS;
    await this.best(() => this.volunteerKey.withdraw(() => untilAnswered(clock, until, async () => void (await cluster.delete(volunteerKey(p.hostname))))), 'revoke volunteer key');
    this.port.send({ type: 'volunteer.revoked' });
  }

  private async advertiseEndpoint(p: HostParams): Promise<void> {
    const peer = this.facts.peer;
    const { cluster, lease } = this.port;
    if (peer) {
      const put = async () => cluster.put(endpointKey(p.hostname), encodeUrls(p.clientUrls), await lease.ensure());
      await this.best(() => this.endpointKey.write(put, () => cluster.delete(endpointKey(p.hostname)), () => this.facts.peer === peer), 'advertise endpoint');
      return;
    }
    await this.best(async () => cluster.put(endpointKey(p.hostname), encodeUrls(p.clientUrls), await lease.ensure()), 'advertise endpoint');
  }

  /** Finds this host's member id: from its data directory, or from the member list once the leader added it. */
  private async findMemberId(): Promise<{ memberId: number; clusterId: string; known: KnownMember[] }> {
    const { clock } = this.port;
    const deadline = clock.nowMs() + 60_000;
    for (;;) {
      const members = await this.port.cluster.memberList();
      const known = members.map((m) => ({ id: Number(m.ID), name: m.name ?? '', peerUrls: m.peerURLs ?? [], isLearner: m.isLearner ?? false }));
      let me = known.find((m) => m.name === this.config.hostname && !this.facts.removedIds.has(m.id));
      const identity = this.port.disk.identity();
      // A voter of this name whose data this host does not hold (a wiped data directory, or an earlier run's
      // member) is not one to take over: an empty log must never vote as it. Wait until the leader replaces it.
      if (me && !me.isLearner && !(identity && identity.memberId === me.id)) {
        if (!this.staleVoterLogged.has(me.id)) {
          this.staleVoterLogged.add(me.id);
          this.port.log.warn({ member: me.id }, `member ${me.id.toString(16)} named ${this.config.hostname} is a voter whose data this host does not hold; waiting for the leader to replace it`);
        }
        me = undefined;
      }
      if (me) {
        const clusterId = identity && identity.memberId === me.id ? identity.clusterId : await this.clusterIdFromSeeds();
        return { memberId: me.id, clusterId, known };
      }
      if (clock.nowMs() > deadline) throw new Error('the leader never added this host as a member');
      if (!this.facts.nominatedSeen) throw new Error('the nomination was withdrawn before this host was added');
      await clock.sleep(200);
    }
  }

  private async clusterIdFromSeeds(): Promise<string> {
    const kv = await this.port.cluster.get(`${MGMT_PREFIX}clusterId`);
    if (!kv) throw new Error('the cluster has no /_mgmt/clusterId yet');
    return kv.value;
  }

  /**
   * Starts this host's Raft member: `bootstrap` a new cluster of one (only a
   * data directory that belongs to no cluster), `restart` the member whose
   * data the directory holds, or `join` as the member the leader added.
   */
  private async startPeer(mode: 'bootstrap' | 'restart' | 'join'): Promise<void> {
    const { port, facts } = this;
    try {
      const identity = port.disk.identity();
      let memberId: number;
      let clusterId: string;
      let known: KnownMember[] = [];
      let fresh = false;
      if (mode === 'restart') {
        if (!identity) throw new Error('the data directory holds no member to restart');
        ({ memberId, clusterId } = identity);
      } else if (mode === 'bootstrap') {
        if (port.belonging.record) throw new Error(`this host belongs to cluster ${port.belonging.record.clusterId}; refusing to start another (--force-new-cluster does that)`);
        memberId = port.randomId();
        clusterId = port.randomId().toString(16);
        fresh = true;
      } else {
        ({ memberId, clusterId, known } = await this.findMemberId());
        if (port.belonging.record && port.belonging.record.clusterId !== clusterId) {
          throw new Error(`the cluster that nominated this host is ${clusterId}, but this host belongs to cluster ${port.belonging.record.clusterId}`);
        }
        if (identity && (identity.memberId !== memberId || identity.clusterId !== clusterId)) {
          port.log.info({ old: identity.memberId, now: memberId }, 'data directory belongs to an earlier membership; starting empty');
          port.disk.wipe();
        }
      }
      // The member's etcd API takes the client port the hello server held.
      await port.hello.close();
      facts.removed = false;
      facts.promotedSent = false;
      const peer = await port.members.start({ memberId, clusterId, bootstrap: fresh, knownMembers: known });
      facts.peer = peer;
      port.belonging.save({ clusterId, memberId });
      port.belonging.belongTo(clusterId);
      if (mode !== 'join') facts.ownsHostname = true;
      this.watchPeer(peer);
      if (!fresh) port.members.keepPeerUrlsCurrent(peer);
      port.refreshClientEndpoints();
      if (fresh) await this.openNewCluster(peer, clusterId);
      port.send({ type: 'member.started', memberId: String(memberId) });
      // A joining member advertises its client URLs at once, not only once promoted and running: a
      // client that knew only its seed must learn another way in before that seed may die (rejoin test).
      if (mode === 'join') void this.advertiseEndpoint({ hostname: this.config.hostname, peerUrls: this.config.serverUrls, clientUrls: this.config.clientUrls });
      if (peer.member.state.members.get(memberId)?.isLearner === false) {
        facts.promotedSent = true;
        port.send({ type: 'member.promoted' });
      }
    } catch (err) {
      port.log.error({ err: (err as Error).message }, 'member failed to start');
      await facts.peer?.stop().catch(() => {});
      facts.peer = undefined;
      if (this.config.bootstrapExpect !== undefined) void port.hello.open();
      port.send({ type: 'member.failed', error: (err as Error).message });
    }
  }

  /**
   * The new cluster of one answers once it has elected itself; then it
   * records its id, the ideal size and its own nomination. (A restarted
   * bootstrapper waits for nothing: it may have been removed meanwhile,
   * which checkStillMember finds out.)
   */
  private async openNewCluster(peer: M, clusterId: string): Promise<void> {
    const { clock, cluster } = this.port;
    const until = clock.nowMs() + 10_000;
    while (!(peer.member.raft.isLeader && peer.member.raft.committedInTerm) && clock.nowMs() < until) await clock.sleep(10);
    // Retried for a moment: the client's channel to this host's own URL may still be backing off from the
    // hello server that listened there (CI: a --bootstrap-expect bootstrapper failed for good on it).
    await untilAnswered(clock, until, async () => {
      await cluster.putIfAbsent(`${MGMT_PREFIX}clusterId`, clusterId);
      await cluster.putIfAbsent(IDEAL_CLUSTER_SIZE_KEY, String(this.config.idealClusterSize));
      await cluster.put(nominatedKey(this.config.hostname), encodeUrls(this.config.serverUrls));
    });
  }

  private watchPeer(peer: M): void {
    const raft = peer.member.raft;
    const { port, facts } = this;
    this.unsubscribe.push(
      raft.onLeaderChange((lead) => {
        const isLeader = lead === raft.id;
        port.send({ type: 'leadership.changed', isLeader });
        port.members.leading(peer, isLeader);
      }),
      raft.onRemoved(() => {
        facts.removed = true;
        facts.removedIds.add(raft.id);
        port.log.info({ member: raft.id }, 'this member was removed from the cluster');
        port.send({ type: 'member.removed' });
      }),
      raft.onFatal((err) => port.send({ type: 'member.failed', error: (err as Error).message })),
      ...port.members.watch(peer),
    );
    if (raft.isLeader) port.members.leading(peer, true);
  }

  private async handOverLeadership(): Promise<void> {
    const raft = this.facts.peer?.member.raft;
    const { clock } = this.port;
    if (!raft || !raft.isLeader) {
      this.port.send({ type: 'leadership.changed', isLeader: false });
      return;
    }
    const st = raft.status();
    const target = st.progress.filter((p) => p.id !== raft.id && !p.isLearner).sort((a, b) => b.match - a.match)[0];
    if (target) raft.transferLeadership(target.id);
    const until = clock.nowMs() + 3_000;
    while (raft.isLeader && clock.nowMs() < until) await clock.sleep(20);
    this.port.send({ type: 'leadership.changed', isLeader: raft.isLeader });
  }

  private async stopPeer(p: StopMemberParams): Promise<void> {
    const { port, facts } = this;
    port.log.info({ force: p.force }, 'stopping the member');
    port.members.stopping();
    for (const u of this.unsubscribe.splice(0)) u();
    const peer = facts.peer;
    facts.peer = undefined;
    if (peer) {
      await peer.stop().catch((err) => port.log.warn({ err: (err as Error).message }, 'peer stop failed'));
      if (facts.removed) port.disk.wipe();
    }
    if (this.config.bootstrapExpect !== undefined && !p.force) await port.hello.open();
    // Back to being a client: reach the cluster through the others.
    port.cluster.setEndpoints(this.otherEndpoints([...facts.knownEndpoints, ...this.config.seeds]));
    port.cluster.setHome(undefined);
    if (p.force) port.log.warn({}, 'forced stop');
    port.send({ type: 'member.stopped' });
  }
}
