/**
 * One mgmt agent: the lifecycle machine of libs/cluster-fsm with its effects
 * provided here. The agent talks to the cluster as a client (ClusterClient,
 * through seeds and advertised endpoints), volunteers on its lease, starts a
 * Peer when nominated, runs the nominator while its member leads, and leaves
 * cleanly on shutdown. Facts it observes (one watch on `/_mgmt/`, see
 * observe/, and Raft events of its own member) go to the machine as events.
 */
import {
  IDEAL_CLUSTER_SIZE_KEY,
  MGMT_PREFIX,
  findHostileValues,
  lifecycleMachine,
  parseIdealClusterSize,
  type LifecycleOutput,
} from '@mgmt/cluster-fsm';
import { createActor, type Actor } from 'xstate';
import { AgentLease } from './cluster/agent-lease.js';
import { ClusterClient, type KeyValue } from './cluster/cluster-client.js';
import { ClusterBelonging } from './cluster/belonging.js';
import { GraphRunner } from './graph/graph-runner.js';
import { GraphKeys } from './graph/graph-keys.js';
import { agentStatusOf, publishedStatus, stateName, statusKey, type AgentStatus, type ClusterView, type Transition } from './status/agent-status.js';
import { createMetrics, type AgentMetrics } from './status/metrics.js';
import { clusterViewOf } from './status/cluster-view.js';
import { sampleMember } from './status/peer-metrics.js';
import { BackupScheduler } from './backup/backup-scheduler.js';
import { CorruptionChecker } from './etcd/corruption-checker.js';
import type { NominatorRunner } from './cluster/nominator-runner.js';
import { IdealSizeReader } from './cluster/view.js';
import { OwnKeyUpkeep } from './cluster/own-key-upkeep.js';
import { RemovalCheck, heardLeaderAgoMs, lifecyclePhase } from './cluster/removal-check.js';
import { WarnOnce } from './cluster/warn-once.js';
import type { Logger } from './log.js';
import type { Peer } from './peer.js';
import { readMemberIdentity } from './raft/member.js';
import type { KeyKeeper } from './cluster/restart-from-disk.js';
import { PrefixWatch } from './observe/mgmt-watch.js';
import { EMPTY_MIRROR, applyWatchBatch, type MgmtMirror, type WatchBatch } from './observe/mgmt-mirror.js';
import { observe } from './observe/observer.js';
import { LeaseIdFile } from './cluster/lease-id-file.js';
import { BASE_LEASE_TTL_SECONDS } from './cluster/lease-ttl.js';
import { MirrorTtlSource } from './cluster/mirror-ttl-source.js';
import { ObservationSchedule, memberInputs } from './observe/observation-schedule.js';
import { MembersRecordKeeper } from './observe/members-record-keeper.js';
import { spreadEndpoints } from './cluster/spread-endpoints.js';
import { STATUS_INTERVAL_MS, StatusPublisher, fleetStatusIntervalMs } from './cluster/status-publisher.js';
import { BootstrapHello } from './cluster/bootstrap-hello.js';
import { newHostFacts, type HostFacts } from './effects/effects-port.js';
import { LifecycleEffects } from './effects/lifecycle-effects.js';
import { PeerHost, cryptoRandomId, dataDirDisk, systemClock } from './effects/production-port.js';
import { systemClock as raftClock } from './raft/system-clock.js';
import type { AgentConfig } from './agent-config.js';

export type { AgentConfig } from './agent-config.js';

/** The local tick checks own keys (two ticks in a row find one missing: re-written) and observes (observe/observation-schedule.ts). */
const POLL_MS = 1_000;
/** How often a client whose cluster has no members record asks for the member list. */
const MEMBER_LIST_FALLBACK_MS = 5_000;

/** A running agent. */

export class Agent {
  readonly actor: Actor<typeof lifecycleMachine>;
  private readonly client: ClusterClient;
  /** Reaches the cluster through members other than this one. */
  private readonly outside: ClusterClient;
  private readonly lease: AgentLease;
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  /** The one watch on `/_mgmt/`, and the keys it has mirrored. */
  private readonly watch: PrefixWatch;
  private mirror: MgmtMirror = EMPTY_MIRROR;
  /** The lease TTL the fleet in the mirror wants (cluster/lease-ttl.ts). */
  private readonly ttlSource = new MirrorTtlSource(() => this.mirror);
  /** The mirrored keys the graph reads, kept from the watch's changes. */
  private readonly graphKeys: GraphKeys;
  /** `/_mgmt/status/<hostname>`: what the watch shows of it goes to the status publisher. */
  private readonly ownStatusKey: string;
  /** When the mirror is observed: soon after a watch batch that matters, and on some local ticks. */
  private readonly schedule: ObservationSchedule;
  /** The leader's `/_mgmt/members` record (observe/members-record.ts). */
  private readonly membersRecord: MembersRecordKeeper;
  /** When a client without a members record last asked for the member list. */
  private memberListAskedAtMs = 0;
  private memberListVoters: number | undefined;
  private ticks = 0;
  private readonly done: Promise<LifecycleOutput>;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly idealSize: IdealSizeReader;
  /** One warning per hostile `/_mgmt/` value. */
  private readonly warnOnce: WarnOnce;
  private lastState = '';
  /** This agent's recent lifecycle transitions (newest last). */
  readonly transitions: Transition[] = [];
  private readonly statusPublisher: StatusPublisher;
  /** Prometheus metrics of this agent (the status server serves them). */
  readonly metrics: AgentMetrics;
  /** Scheduled backups, when configured. */
  private readonly backups: BackupScheduler | undefined;
  /** The leader's corruption check, when configured. */
  private readonly corruptionChecker: CorruptionChecker | undefined;
  /** Converges `--file` and shares its exported resources; absent without a graph. */
  private readonly graph: GraphRunner | undefined;
  /** Which cluster this host belongs to: the data directory's record, and the clients bound to it. */
  private readonly belonging: ClusterBelonging;
  /** `--bootstrap-expect`: answers Hello on the client URL while no member runs here (bootstrap-hello.ts). */
  private readonly hello: BootstrapHello;
  private stopped = false;
  /** What this host knows and the effects change: its member, whether it was removed, what it observed (effects/effects-port.ts). */
  private readonly facts: HostFacts<Peer> = newHostFacts();
  /** What the lifecycle machine's actions do, behind a port (effects/lifecycle-effects.ts). */
  private readonly effects: LifecycleEffects<Peer>;
  /** Starts this host's Peer and runs the nominator while it leads (effects/production-port.ts). */
  private readonly peerHost: PeerHost;
  /** The endpoint and volunteer keys, written until they stick while the member runs (see restart-from-disk.ts). */
  private readonly endpointKey: KeyKeeper;
  private readonly volunteerKey: KeyKeeper;
  /** The keys this agent owns, put back when a client deletes them (cluster/own-key-upkeep.ts). */
  private readonly ownKeys: OwnKeyUpkeep;
  /** Whether this member was removed while it could not hear of it (cluster/removal-check.ts). */
  private readonly removalCheck: RemovalCheck<Peer>;

  // The host's facts, as the code below has always named them (shared with the effects).
  private get peer(): Peer | undefined {
    return this.facts.peer;
  }
  private get removed(): boolean {
    return this.facts.removed;
  }
  private get promotedSent(): boolean {
    return this.facts.promotedSent;
  }
  private set promotedSent(v: boolean) {
    this.facts.promotedSent = v;
  }
  private get ownsHostname(): boolean {
    return this.facts.ownsHostname;
  }
  private get nominatedSeen(): boolean {
    return this.facts.nominatedSeen;
  }
  private set nominatedSeen(v: boolean) {
    this.facts.nominatedSeen = v;
  }
  private get knownEndpoints(): string[] {
    return this.facts.knownEndpoints;
  }
  private set knownEndpoints(v: string[]) {
    this.facts.knownEndpoints = v;
  }
  private get nominator(): NominatorRunner | undefined {
    return this.peerHost.nominator;
  }

  constructor(
    readonly config: AgentConfig,
    private readonly log: Logger,
  ) {
    // Spread from the first call on (spread-endpoints.ts): the watch's first full read of a fleet restarted
    // together went to the first seed of every agent, a thousand reads of all of /_mgmt/ on one member.
    this.client = new ClusterClient(spreadEndpoints(config.hostname, config.seeds), undefined, config.tls?.dial);
    this.outside = new ClusterClient([], undefined, config.tls?.dial);
    // A data directory that ever belonged to a cluster says so; an unreadable record stops the agent here (one line).
    const identity = readMemberIdentity(config.dataDir);
    this.belonging = new ClusterBelonging({ dataDir: config.dataDir, hostname: config.hostname, noServer: config.noServer, clients: [this.client, this.outside], log, member: identity });
    const record = this.belonging.record;
    this.graphKeys = new GraphKeys(config.hostname);
    this.ownStatusKey = statusKey(config.hostname);
    this.watch = new PrefixWatch(this.client, MGMT_PREFIX, (batch) => this.onWatchBatch(batch), log.child({ part: 'watch' }));
    this.schedule = new ObservationSchedule({
      hostname: config.hostname,
      isPeer: () => this.peer !== undefined,
      graph: () => this.graph,
      localInputs: () => `${this.ownsHostname}/${this.removed}/${this.memberListVoters}/${this.nominatedSeen}/${JSON.stringify(this.actor.getSnapshot().value)}/${this.promotedSent}/${this.currentClusterId()}/${memberInputs(this.localView())}`,
      observe: () => this.observeNow(),
      observeGraph: () => this.observeGraph(),
    });
    this.client.onEndpointChanged = (cause) => this.watch.resume(cause);
    // A write of our own under /_mgmt/ must come back through the watch, or the stream is stale (mgmt-watch.ts).
    this.client.onWrite = (key, revision) => {
      if (!key.startsWith(MGMT_PREFIX)) return;
      this.watch.expect(revision);
      this.ownKeys.noteWrite(key, revision);
    };
    this.statusPublisher = new StatusPublisher({
      hostname: config.hostname,
      status: () => publishedStatus(this.status()),
      leaseId: () => this.lease.id,
      put: (key, value, lease) => this.putOnLease(key, value, lease),
      explainedWrites: () => this.peer?.member.state.members.size ?? 0,
      storedKnown: () => this.mirror.revision > 0,
      intervalMs: () => (this.peer ? STATUS_INTERVAL_MS : fleetStatusIntervalMs(this.ttlSource.hosts())),
    });
    this.membersRecord = new MembersRecordKeeper((key, value) => this.client.put(key, value), log);
    // Unless set, the TTL grows with the fleet the mirror shows when the lease is granted (lease-ttl.ts).
    this.lease = new AgentLease(this.client, config.leaseTtlSeconds ?? this.ttlSource, log, () => this.send({ type: 'lease.lost' }), new LeaseIdFile(config.dataDir, log));
    this.ownKeys = new OwnKeyUpkeep({
      config,
      stage: () => {
        const snap = this.actor.getSnapshot();
        const volunteering = snap.matches({ volunteer: 'waiting' }) || snap.matches('nominated') || snap.matches('peer');
        return { volunteering, running: snap.matches({ peer: 'running' }), ownsHostname: this.ownsHostname, hasMember: this.peer !== undefined };
      },
      mirror: () => this.mirror.kvs,
      mirrorRevision: () => this.mirror.revision,
      status: this.statusPublisher,
      lease: this.lease,
      client: this.client,
      endpointKey: () => this.endpointKey,
      log,
    });
    this.removalCheck = new RemovalCheck({
      config,
      facts: this.facts,
      local: () => this.localView(),
      phase: () => lifecyclePhase(this.actor.getSnapshot()),
      heardLeaderAgoMs: () => heardLeaderAgoMs(this.peer?.member.raft, raftClock.nowMs()),
      outside: this.outside,
      send: (e) => this.send(e),
      log,
    });
    this.metrics = createMetrics(config.hostname, () => this.clusterView(), async () => (this.peer ? sampleMember(this.peer, config.quotaBackendBytes) : undefined), config.processMetrics ?? true);
    this.backups = config.backup ? new BackupScheduler(config.backup, config.hostname, () => this.peer, log.child({ part: 'backup' })) : undefined;
    this.corruptionChecker = config.corruptCheckIntervalMs ? new CorruptionChecker(config.corruptCheckIntervalMs, () => this.peer, log.child({ part: 'corrupt-check' })) : undefined;
    if (config.graph) {
      this.graph = new GraphRunner({
        hostname: config.hostname,
        file: config.graph.file,
        graph: config.graph.graph,
        dataDir: config.dataDir,
        log: log.child({ part: 'graph' }),
        store: {
          put: (key, value, lease) => this.putOnLease(key, value, lease),
          apply: (puts, deletes, lease) => this.ownKeys.onLease(lease, () => this.client.putAndDelete(puts, deletes, lease)),
          delete: (key) => this.client.delete(key),
          lease: () => this.lease.ensure(),
        },
      });
    }
    // Every peer tracks the last valid size; only the leader says what it refused (one warning per cluster).
    this.idealSize = new IdealSizeReader(config.idealClusterSize, (message) => {
      if (this.isLeader()) this.log.warn({ key: IDEAL_CLUSTER_SIZE_KEY }, message);
    });
    this.warnOnce = new WarnOnce((key, problem) => this.log.warn({ key }, problem));
    this.hello = new BootstrapHello({
      config,
      client: this.client,
      belonging: this.belonging,
      member: () => this.peer?.member.identity,
      knownEndpoints: () => this.knownEndpoints,
      stopped: () => this.stopped,
      send: (e) => this.send(e),
      log,
    });
    this.peerHost = new PeerHost({ config, metrics: this.metrics, idealSize: this.idealSize, client: this.client, facts: this.facts, hello: (req) => this.hello.answer(req), log });
    this.effects = new LifecycleEffects(config, {
      cluster: this.client,
      lease: this.lease,
      putOnLease: (key, value, lease) => this.putOnLease(key, value, lease),
      members: this.peerHost,
      disk: dataDirDisk(config.dataDir),
      belonging: this.belonging,
      hello: this.hello,
      clock: systemClock,
      randomId: cryptoRandomId,
      refreshClientEndpoints: () => this.refreshClientEndpoints(),
      send: (e) => this.send(e),
      log,
    }, this.facts);
    this.endpointKey = this.effects.endpointKey;
    this.volunteerKey = this.effects.volunteerKey;
    const machine = lifecycleMachine.provide({ actions: this.effects.actions() });
    this.actor = createActor(machine, {
      input: {
        hostname: config.hostname,
        seeds: config.seeds,
        peerUrls: config.serverUrls,
        clientUrls: config.clientUrls,
        noServer: config.noServer,
        hasMemberData: identity !== undefined,
        knownCluster: record ? { clusterId: record.clusterId, endpoints: this.otherEndpoints(record.endpoints) } : undefined,
        // A key held by another lease may be this host's previous run: wait two lease lifetimes before calling it a duplicate.
        timing: {
          // Two of the TTL this host's previous run may have had: not mistaken for another agent (a
          // fleet's longer TTL comes with the hostname.duplicated event, lifecycle-effects.ts).
          duplicateHostnameGraceMs: 2 * 1000 * (config.leaseTtlSeconds ?? BASE_LEASE_TTL_SECONDS) + 1000,
          // Hosts started together wait for their seed to come up: retry it often (a failed connect to loopback or a LAN costs little).
          connectRetry: { baseDelayMs: 100, maxDelayMs: 250 },
          // A host restarted quickly finds its volunteer key still held by its previous run's lease: ask again
          // every second at most, so it takes the key soon after that lease ends (not up to 10 s later).
          volunteerRetry: { baseDelayMs: 250, maxDelayMs: 1_000 },
        },
      },
    });
    this.done = new Promise((resolve) => {
      this.actor.subscribe({
        next: (snap) => {
          const state = JSON.stringify(snap.value);
          if (state !== this.lastState) {
            this.lastState = state;
            this.transitions.push({ atMs: Date.now(), host: config.hostname, state: stateName(snap.value), reason: snap.context.reason });
            if (this.transitions.length > 100) this.transitions.shift();
            this.log.info({ state: snap.value, reason: snap.context.reason }, `lifecycle: ${stateName(snap.value)}`);
          }
          this.schedulePublish();
          const { reason, error } = snap.context;
          if (snap.status === 'done') resolve(snap.output ?? { reason, error });
        },
      });
    });
  }

  /** Starts the lifecycle; resolves when the agent has stopped. */
  run(): Promise<LifecycleOutput> {
    // A host with member data restarts its member at once: its etcd API (with Hello) takes the client port.
    if (this.config.bootstrapExpect !== undefined && !this.config.noServer && readMemberIdentity(this.config.dataDir) === undefined) void this.hello.open();
    this.actor.start();
    this.watch.start();
    this.lease.takeBack();
    this.pollTimer = setInterval(() => void this.poll(), this.config.pollMs ?? POLL_MS);
    this.backups?.start();
    this.corruptionChecker?.start();
    this.graph?.start().catch((err) => this.log.error({ err: (err as Error).message }, 'graph failed to start'));
    return this.done.finally(async () => {
      await this.stopGraph();
      this.cleanup();
    });
  }

  /** Ctrl-C / SIGTERM: the first leaves cleanly, the second forces. */
  requestShutdown(): void {
    // Withdraw the exported resources while the cluster still answers.
    void this.stopGraph();
    this.actor.send({ type: 'shutdown.requested' });
  }

  private async stopGraph(): Promise<void> {
    if (!this.graph) return;
    await Promise.race([this.graph.stop(), new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  status(): AgentStatus {
    const snap = this.actor.getSnapshot();
    const raft = this.peer?.member.raft;
    return agentStatusOf({
      config: this.config,
      lifecycle: { value: snap.value, reason: snap.context.reason },
      raft,
      member: raft ? this.peer?.member.state.members.get(raft.id) : undefined,
      nominatorReason: this.nominator?.running ? this.nominator.reason : undefined,
      converged: this.graph?.converged,
    });
  }

  private send(event: Parameters<Actor<typeof lifecycleMachine>['send']>[0]): void {
    if (this.actor.getSnapshot().status === 'active') this.actor.send(event);
  }

  /** Publishes this agent's status soon, if it changed (see status-publisher.ts). */
  private schedulePublish(): void {
    this.statusPublisher.schedule();
  }

  /** The cluster id this host belongs to now: its member's, else its record's. */
  private currentClusterId(): string | undefined {
    return this.peer?.member.identity.clusterId ?? this.belonging.record?.clusterId;
  }

  /** Client URLs that are not this agent's own. */
  private otherEndpoints(urls: readonly string[]): string[] {
    return urls.filter((u) => !this.config.clientUrls.includes(u));
  }
  // ---- observation ----

  /** A watch batch: update the mirror and observe soon (batches arriving together are observed once). */
  private onWatchBatch(batch: WatchBatch): void {
    const { mirror, changed } = applyWatchBatch(this.mirror, batch);
    this.mirror = mirror;
    this.ttlSource.noteBatch(changed);
    this.graphKeys.update(changed, mirror.kvs);
    if (changed.includes(this.ownStatusKey)) this.statusPublisher.noteStored(mirror.kvs.get(this.ownStatusKey));
    if (batch.kind === 'snapshot') this.schedulePublish(); // what is stored is known now (status-publisher.ts)
    this.config.onObserved?.(mirror.revision);
    this.ownKeys.noteStatusSeen();
    this.schedule.onChanged(changed);
    this.ownKeys.noteChanged(changed);
  }

  /** Hands the graph runner the keys it reads (graph-keys.ts: it collects and re-exports what changed). */
  private observeGraph(): void {
    if (this.mirror.revision === 0 || !this.graph) return;
    this.schedule.graphObserved();
    this.graph.observe(this.graphKeys.forGraph(this.graph.collectKinds()), this.mirror.revision);
  }

  /** The mirrored `/_mgmt/` keys; undefined until the watch's first read. */
  private mirroredKeys(): KeyValue[] | undefined {
    return this.mirror.revision > 0 ? [...this.mirror.kvs.values()] : undefined;
  }

  /** Turns the mirrored keys into lifecycle events (observe/observer.ts); no network reads. */
  private observeNow(): void {
    if (this.actor.getSnapshot().status !== 'active') return;
    if (this.mirror.revision === 0) return;
    // idealClusterSize is judged (and warned about) by the size reader; the other control keys here, by the leader only.
    if (this.isLeader()) this.warnOnce.report(findHostileValues([...this.mirror.kvs.values()].filter((kv) => kv.key !== IDEAL_CLUSTER_SIZE_KEY), this.config.idealClusterSize));
    // A peer keeps the last valid size (its nominator re-writes it when a client deletes or corrupts it). It reads
    // its own store, as its nominator does through the same reader: the mirror may lag it, and a value seen
    // again after another would be warned about twice.
    const local = this.localView();
    const ideal = local ? this.idealSize.read(local.member.state.kv) : parseIdealClusterSize(this.mirror.kvs.get(IDEAL_CLUSTER_SIZE_KEY)?.value, this.config.idealClusterSize).size;
    const peer = this.peer;
    const obs = observe({
      hostname: this.config.hostname,
      kvs: this.mirror.kvs.values(),
      ownsHostname: this.ownsHostname,
      isMember: !this.removed && local !== undefined,
      nominatedBefore: this.nominatedSeen,
      localVoters: local ? local.member.raft.conf.voters.length : this.memberListVoters,
      localLearners: local ? local.member.raft.conf.learners.length : undefined,
      idealClusterSize: ideal,
      promotedUnsent: peer !== undefined && !this.promotedSent && peer.member.state.members.get(peer.member.raft.id)?.isLearner === false,
    });
    this.nominatedSeen = obs.nominated;
    this.knownEndpoints = obs.endpoints;
    const clusterId = this.currentClusterId();
    if (clusterId !== undefined && obs.endpoints.length > 0 && !this.config.noServer) this.belonging.save({ clusterId, endpoints: obs.endpoints });
    this.refreshClientEndpoints();
    for (const e of obs.events) {
      if (e.type === 'member.promoted') this.promotedSent = true;
      this.send(e);
    }
    if (obs.voters === undefined && !local) void this.askMemberList();
    // A client that knows no voters keeps asking; otherwise the same inputs would give the same events.
    this.schedule.observed(obs.voters !== undefined);
    if (local && this.isLeader()) this.membersRecord.onChange(local.member.state.members.list(), this.mirror.kvs);
    this.schedulePublish();
  }

  /**
   * A client whose cluster has no members record yet (a leader of an older
   * version, or a client deleted it) asks for the member list, at most every
   * few seconds.
   */
  private async askMemberList(): Promise<void> {
    if (Date.now() - this.memberListAskedAtMs < MEMBER_LIST_FALLBACK_MS) return;
    this.memberListAskedAtMs = Date.now();
    try {
      const members = await this.client.memberList();
      this.memberListVoters = members.filter((m) => !m.isLearner).length;
      this.observeNow();
    } catch {
      // the next tick asks again
    }
  }

  /** The local tick: observe, check this member is still one, repair own keys and the members record. */
  private async poll(): Promise<void> {
    if (this.polling || this.actor.getSnapshot().status !== 'active') return;
    this.polling = true;
    try {
      // A status asked for before the lease existed (the first grant may wait for the mirror's first
      // read) was not scheduled; nor is one whose write failed. Until one is in the store on this
      // lease (written, or a previous run's taken back with the lease), every tick asks.
      if (this.statusPublisher.unpublished && this.lease.id !== 0) this.schedulePublish();
      if (this.mirror.revision === 0) return;
      const tick = ++this.ticks;
      if (this.schedule.observationDue()) this.observeNow();
      const local = this.localView();
      // A member's status carries its commit and applied counters, which move with writes the
      // observation does not look at (outside /_mgmt/): the publisher refreshes them when due.
      if (local) this.schedulePublish();
      if (local && this.isLeader()) await this.membersRecord.onTick(local.member.state.members.list(), this.mirror.kvs);
      this.removalCheck.start();
      // A failed export write is retried here too, not only on the next change.
      if (this.schedule.graphDue(tick)) this.observeGraph();
      await this.ownKeys.check();
      this.lease.checkTtl();
      this.watch.probe();
    } catch (err) {
      this.log.debug({ err: (err as Error).message }, 'observation tick failed');
    } finally {
      this.polling = false;
    }
  }

  private isLeader(): boolean {
    return this.peer?.member.raft.isLeader ?? false;
  }

  /** Puts `key` on `lease` (see OwnKeyUpkeep.putOnLease). */
  private putOnLease(key: string, value: string, lease: number): Promise<void> {
    return this.ownKeys.putOnLease(key, value, lease);
  }

  /**
   * Keeps the client's endpoints up to date with the endpoints the members
   * advertise: a client that only knew its seed must reach the cluster
   * through the others once the seed is gone (its lease and volunteer key
   * depend on it).
   */
  private refreshClientEndpoints(): void {
    const others = this.knownEndpoints.filter((u) => !this.config.clientUrls.includes(u));
    this.client.setEndpoints(this.peer ? [...this.config.clientUrls, ...others, ...this.config.seeds] : spreadEndpoints(this.config.hostname, [...this.otherEndpoints(this.config.seeds), ...others]));
    this.client.setHome(this.peer ? this.config.clientUrls[0] : undefined);
  }

  /** The Prometheus text of this agent's metrics. */
  metricsText(): Promise<string> {
    return this.metrics.render();
  }

  /** What the status page and the metrics show of the cluster (status/cluster-view.ts). */
  async clusterView(): Promise<ClusterView> {
    return clusterViewOf(this.mirroredKeys() ?? [], this.status());
  }

  /**
   * The local member, when its replicated state can stand for the cluster's:
   * it has applied its own admission (a joining learner's store is empty
   * until the leader's snapshot arrives, and must not be read as "my
   * nomination is gone").
   */
  private localView(): Peer | undefined {
    const peer = this.peer;
    return peer && peer.member.state.members.has(peer.member.raft.id) ? peer : undefined;
  }

  private cleanup(): void {
    this.stopped = true;
    void this.hello.close();
    clearInterval(this.pollTimer);
    this.schedule.stop();
    this.ownKeys.stop();
    this.watch.stop();
    this.backups?.stop();
    this.corruptionChecker?.stop();
    this.lease.stop();
    this.statusPublisher.stop();
    this.nominator?.stop();
    this.client.close();
    this.outside.close();
  }
}
