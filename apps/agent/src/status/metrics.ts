/**
 * Prometheus metrics of one agent (prom-client), in its own registry with
 * the label `agent=<hostname>`: Raft term, commit and applied index, leader
 * changes, proposals, request latencies (proposals by command kind and
 * linearizable reads' ReadIndex), lifecycle state per host, and how many
 * hosts volunteer. Raft and cluster figures are sampled when scraped; the
 * request figures are recorded as requests finish.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { ClusterView } from './agent-status.js';
import { createEtcdMetrics, type EtcdMemberSample, type EtcdMetrics } from './etcd-metrics.js';
import type { RequestObserver } from './instrument.js';

/** The agent's metrics. */
export interface AgentMetrics {
  readonly registry: Registry;
  /** Samples the agent and returns the Prometheus text. */
  render(): Promise<string>;
  /** Samples the agent and returns the metrics as JSON (to merge several agents' metrics in one process). */
  renderJson(): Promise<Array<MetricObjectWithValues<MetricValue<string>>>>;
  /** Records one finished request (give it to the peer). */
  readonly observeRequest: RequestObserver;
  /** Records that a request began (etcd's pending proposals). */
  readonly observeRequestStart: (kind: string) => void;
  /** etcd's series (etcd-metrics.ts): give `etcd.observeCall` to the etcd API server and the fsync timings to the WAL. */
  readonly etcd: EtcdMetrics;
}

/**
 * How often prom-client's event-loop delay histogram samples (its
 * `eventLoopMonitoringPrecision`, default 10 ms). Its sampling timer woke an
 * idle agent 100 times a second, more than everything else together (a
 * client agent: ~180 wake-ups a second, 100 of them this timer); once a
 * second still gives `nodejs_eventloop_lag_*` (the lag of each sample is
 * what it measures, not the resolution).
 */
const EVENT_LOOP_SAMPLE_MS = 1_000;

/** Latency buckets in seconds: 0.5 ms to 5 s. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Creates the metrics of the agent `hostname`, which `clusterView` describes. */
export function createMetrics(
  hostname: string,
  clusterView: () => Promise<ClusterView>,
  member: () => Promise<EtcdMemberSample | undefined> = async () => undefined,
  /** The process_* and nodejs_* series: once per process (a process that runs many agents gives them to one). */
  processMetrics = true,
): AgentMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ agent: hostname });
  const registers = [registry];
  // process_* and nodejs_* (etcdctl check datascale reads process_resident_memory_bytes).
  if (processMetrics) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  const etcd = createEtcdMetrics(registry);
  const term = new Gauge({ name: 'mgmt_raft_term', help: 'Current Raft term of this member', registers });
  const commit = new Gauge({ name: 'mgmt_raft_commit_index', help: 'Raft commit index of this member', registers });
  const applied = new Gauge({ name: 'mgmt_raft_applied_index', help: 'Raft applied index of this member', registers });
  const isLeader = new Gauge({ name: 'mgmt_raft_is_leader', help: '1 if this member leads', registers });
  const leaderChanges = new Counter({ name: 'mgmt_raft_leader_changes_total', help: 'Leader changes seen by this agent', registers });
  const proposals = new Counter({ name: 'mgmt_raft_proposals_total', help: 'Proposals this member made for clients, by command kind and outcome', labelNames: ['kind', 'outcome'], registers });
  const latency = new Histogram({
    name: 'mgmt_request_duration_seconds',
    help: 'Time to serve a request: proposals by command kind (until applied), readIndex for linearizable reads',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const lifecycle = new Gauge({ name: 'mgmt_lifecycle_state', help: '1 for the lifecycle state each host is in, as this agent sees it', labelNames: ['host', 'state'], registers });
  const volunteers = new Gauge({ name: 'mgmt_volunteers', help: 'Hosts volunteering to be members', registers });
  let lastLeader: number | undefined;
  const collect = async () => {
    const view = await clusterView();
    const self = view.self;
    term.set(self.term ?? 0);
    commit.set(self.commit ?? 0);
    applied.set(self.applied ?? 0);
    isLeader.set(self.role === 'leader' ? 1 : 0);
    if (self.leader !== undefined && self.leader !== lastLeader) {
      if (lastLeader !== undefined) leaderChanges.inc();
      lastLeader = self.leader;
    }
    lifecycle.reset();
    for (const h of view.hosts) lifecycle.set({ host: h.hostname, state: h.state }, 1);
    volunteers.set(view.volunteers.length);
    etcd.collect(await member().catch(() => undefined));
  };
  return {
    registry,
    async render() {
      await collect();
      return registry.metrics();
    },
    async renderJson() {
      await collect();
      return registry.getMetricsAsJSON();
    },
    observeRequest(kind, seconds, ok) {
      latency.observe({ kind }, seconds);
      if (kind !== 'readIndex') {
        proposals.inc({ kind, outcome: ok ? 'ok' : 'failed' });
        etcd.proposalFinished(ok);
      }
    },
    observeRequestStart(kind) {
      if (kind !== 'readIndex') etcd.proposalStarted();
    },
    etcd,
  };
}
