/**
 * etcd's own metric names, beside mgmt's, so etcd's Grafana dashboards and
 * alert rules (the etcd mixin) work against an agent: the same names,
 * types, labels and buckets as etcd 3.4 (etcdserver/metrics.go,
 * wal/metrics.go, mvcc/backend/metrics.go, rafthttp/metrics.go,
 * go-grpc-prometheus). What mgmt measures for each:
 * - wal fsync: each fsync of the Raft log (TimedFileSystem);
 * - backend commit: each fsync of a whole file (snapshots, metadata), the
 *   closest thing mgmt has to committing bbolt;
 * - peer round trip: the leader's heartbeats, from each heartbeat sent to
 *   its answer (raft/round-trips.ts), labelled `To` with the peer's id in
 *   hex as etcd's;
 * - db size: the data directory's log and snapshots on disk; in use: the
 *   keyspace's size;
 * - client gRPC bytes: every byte of the client ports' connections (gRPC,
 *   and HTTP for the JSON gateway), counted on the sockets (ClientTraffic);
 * - peer bytes and send failures: the encoded Raft messages each member
 *   hands to, or gets from, the peer transport (raft/peer-traffic.ts),
 *   labelled `To`/`From` with the peer's id in hex as etcd's.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ClientTraffic, type CallObserver, type ObservedCall } from '@mgmt/kv';
import type { PeerTrafficListener } from '../raft/peer-traffic.js';

/** prometheus.ExponentialBuckets(start, factor, count). */
export function exponentialBuckets(start: number, factor: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start * factor ** i);
}

/** What a scrape samples from the member. */
export interface EtcdMemberSample {
  readonly memberId: number;
  readonly leaderId: number;
  readonly committedIndex: number;
  readonly appliedIndex: number;
  readonly dbSizeBytes: number;
  readonly dbSizeInUseBytes: number;
  readonly quotaBackendBytes: number;
  readonly version: string;
}

/** etcd's series and how to feed them. */
export interface EtcdMetrics {
  readonly observeCall: CallObserver;
  /** Give it to the etcd API server (`traffic`): its client ports' bytes. */
  readonly clientTraffic: ClientTraffic;
  walFsync(seconds: number): void;
  backendCommit(seconds: number): void;
  /** A heartbeat round trip to the member `peerId`. */
  peerRoundTrip(peerId: number, seconds: number): void;
  /** Give it to a member's PeerTraffic (raft/peer-traffic.ts): etcd's peer byte and failure counters. */
  readonly peerTraffic: PeerTrafficListener;
  proposalStarted(): void;
  proposalFinished(ok: boolean): void;
  /** Sets the sampled series; undefined: this agent runs no member now. */
  collect(sample: EtcdMemberSample | undefined): void;
}

/** Registers etcd's series in `registry`. */
export function createEtcdMetrics(registry: Registry): EtcdMetrics {
  const registers = [registry];
  const hasLeader = new Gauge({ name: 'etcd_server_has_leader', help: 'Whether or not a leader exists. 1 is existence, 0 is not.', registers });
  const isLeader = new Gauge({ name: 'etcd_server_is_leader', help: 'Whether or not this member is a leader. 1 if is, 0 otherwise.', registers });
  const leaderChanges = new Counter({ name: 'etcd_server_leader_changes_seen_total', help: 'The number of leader changes seen.', registers });
  const committed = new Gauge({ name: 'etcd_server_proposals_committed_total', help: 'The total number of consensus proposals committed.', registers });
  const applied = new Gauge({ name: 'etcd_server_proposals_applied_total', help: 'The total number of consensus proposals applied.', registers });
  const pending = new Gauge({ name: 'etcd_server_proposals_pending', help: 'The current number of pending proposals to commit.', registers });
  const failed = new Counter({ name: 'etcd_server_proposals_failed_total', help: 'The total number of failed proposals seen.', registers });
  const serverId = new Gauge({ name: 'etcd_server_id', help: 'Server or member ID in hexadecimal format. 1 for \'server_id\' label with current ID.', labelNames: ['server_id'], registers });
  const serverVersion = new Gauge({ name: 'etcd_server_version', help: 'Which version is running. 1 for \'server_version\' label with current version.', labelNames: ['server_version'], registers });
  const clusterVersion = new Gauge({ name: 'etcd_cluster_version', help: 'Which version is running. 1 for \'cluster_version\' label with current cluster version', labelNames: ['cluster_version'], registers });
  const quota = new Gauge({ name: 'etcd_server_quota_backend_bytes', help: 'Current backend storage quota size in bytes.', registers });
  const walFsync = new Histogram({ name: 'etcd_disk_wal_fsync_duration_seconds', help: 'The latency distributions of fsync called by WAL.', buckets: exponentialBuckets(0.001, 2, 14), registers });
  const backendCommit = new Histogram({ name: 'etcd_disk_backend_commit_duration_seconds', help: 'The latency distributions of commit called by backend.', buckets: exponentialBuckets(0.001, 2, 14), registers });
  const peerRtt = new Histogram({ name: 'etcd_network_peer_round_trip_time_seconds', help: 'Round-Trip-Time histogram between peers', labelNames: ['To'], buckets: exponentialBuckets(0.0001, 2, 14), registers });
  const dbTotal = new Gauge({ name: 'etcd_mvcc_db_total_size_in_bytes', help: 'Total size of the underlying database physically allocated in bytes.', registers });
  const dbTotalDebugging = new Gauge({ name: 'etcd_debugging_mvcc_db_total_size_in_bytes', help: 'Total size of the underlying database physically allocated in bytes.', registers });
  const dbInUse = new Gauge({ name: 'etcd_mvcc_db_total_size_in_use_in_bytes', help: 'Total size of the underlying database logically in use in bytes.', registers });
  // Counters bumped on hot paths (every gRPC call, every Raft message) add to a map by key, and
  // the counter takes the sums when scraped: prom-client's inc() hashes its label object on
  // each call (2-3% of a loaded member's CPU for the four per gRPC call).
  const summedCounter = <K>(name: string, help: string, labelNames: string[], labelsOf: (key: K) => Record<string, string>) => {
    const pending = new Map<K, number>();
    new Counter({
      name,
      help,
      labelNames,
      registers,
      collect() {
        for (const [key, n] of pending) this.inc(labelsOf(key), n);
        pending.clear();
      },
    });
    return (key: K, n = 1) => void pending.set(key, (pending.get(key) ?? 0) + n);
  };
  // Calls are keyed by their method's one ObservedCall (call-observer.ts).
  const callLabels = ['grpc_type', 'grpc_service', 'grpc_method'];
  const labels = (c: ObservedCall) => ({ grpc_type: c.type, grpc_service: c.service, grpc_method: c.method });
  const callCounter = (name: string, help: string) => summedCounter(name, help, callLabels, labels);
  const started = callCounter('grpc_server_started_total', 'Total number of RPCs started on the server.');
  const received = callCounter('grpc_server_msg_received_total', 'Total number of RPC stream messages received on the server.');
  const sent = callCounter('grpc_server_msg_sent_total', 'Total number of gRPC stream messages sent by the server.');
  const pendingHandled = new Map<ObservedCall, Map<string, number>>();
  new Counter({
    name: 'grpc_server_handled_total',
    help: 'Total number of RPCs completed on the server, regardless of success or failure.',
    labelNames: [...callLabels, 'grpc_code'],
    registers,
    collect() {
      for (const [call, codes] of pendingHandled) for (const [code, n] of codes) this.inc({ ...labels(call), grpc_code: code }, n);
      pendingHandled.clear();
    },
  });
  const handled = (call: ObservedCall, code: string) => {
    let codes = pendingHandled.get(call);
    if (codes === undefined) pendingHandled.set(call, (codes = new Map()));
    codes.set(code, (codes.get(code) ?? 0) + 1);
  };
  const clientTraffic = new ClientTraffic();
  // Counters whose totals are read from the sockets when scraped.
  const trafficCounter = (name: string, help: string, bytes: () => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(bytes());
      },
    });
  trafficCounter('etcd_network_client_grpc_sent_bytes_total', 'The total number of bytes sent to grpc clients.', () => clientTraffic.totals().sentBytes);
  trafficCounter('etcd_network_client_grpc_received_bytes_total', 'The total number of bytes received from grpc clients.', () => clientTraffic.totals().receivedBytes);
  // Every Raft message passes here.
  const peerCounter = (name: string, help: string, label: 'To' | 'From') => summedCounter<number>(name, help, [label], (peer) => ({ [label]: peer.toString(16) }));
  const peerSent = peerCounter('etcd_network_peer_sent_bytes_total', 'The total number of bytes sent to peers.', 'To');
  const peerReceived = peerCounter('etcd_network_peer_received_bytes_total', 'The total number of bytes received from peers.', 'From');
  const peerSendFailed = peerCounter('etcd_network_peer_sent_failures_total', 'The total number of send failures from peers.', 'To');
  let lastLeader: number | undefined;
  return {
    clientTraffic,
    observeCall: {
      started: (c) => started(c),
      received: (c) => received(c),
      sent: (c) => sent(c),
      handled,
    },
    walFsync: (seconds) => walFsync.observe(seconds),
    backendCommit: (seconds) => backendCommit.observe(seconds),
    peerRoundTrip: (peerId, seconds) => peerRtt.observe({ To: peerId.toString(16) }, seconds),
    peerTraffic: { sent: peerSent, received: peerReceived, sendFailed: (to) => peerSendFailed(to, 1) },
    proposalStarted: () => pending.inc(),
    proposalFinished: (ok) => {
      pending.dec();
      if (!ok) failed.inc();
    },
    collect(sample) {
      if (!sample) {
        hasLeader.set(0);
        isLeader.set(0);
        return;
      }
      hasLeader.set(sample.leaderId !== 0 ? 1 : 0);
      isLeader.set(sample.leaderId === sample.memberId ? 1 : 0);
      if (sample.leaderId !== 0 && sample.leaderId !== lastLeader) {
        if (lastLeader !== undefined) leaderChanges.inc();
        lastLeader = sample.leaderId;
      }
      committed.set(sample.committedIndex);
      applied.set(sample.appliedIndex);
      serverId.reset();
      serverId.set({ server_id: sample.memberId.toString(16) }, 1);
      serverVersion.reset();
      serverVersion.set({ server_version: sample.version }, 1);
      clusterVersion.reset();
      clusterVersion.set({ cluster_version: sample.version.split('.').slice(0, 2).join('.') }, 1);
      quota.set(sample.quotaBackendBytes);
      dbTotal.set(sample.dbSizeBytes);
      dbTotalDebugging.set(sample.dbSizeBytes);
      dbInUse.set(sample.dbSizeInUseBytes);
    },
  };
}
