/**
 * How a peer feeds the agent's metrics: request timings and starts, the
 * WAL's fsyncs, the etcd API's gRPC calls, /metrics on the client port
 * (Prometheus text of the agent's registry: etcd's series, mgmt's, and
 * process_* and nodejs_*), and the sample of etcd member series.
 */
import { NodeFileSystem } from '@mgmt/wal';
import type { Peer, PeerOptions } from '../peer.js';
import type { EtcdMemberSample } from './etcd-metrics.js';
import type { AgentMetrics } from './metrics.js';
import { timedFileSystem } from './timed-file-system.js';
import { connectionLimitCounter } from './limit-metrics.js';

/**
 * Prometheus text without the `agent` label the registry puts on every
 * series: on the client port the series read as etcd's own (etcdctl check
 * datascale reads `process_resident_memory_bytes <value>` literally).
 */
export function withoutAgentLabel(text: string, hostname: string): string {
  const label = `agent=${JSON.stringify(hostname)}`;
  return text.split(`{${label}}`).join('').split(`,${label}}`).join('}');
}

/** The options of Peer.start that wire `metrics` in. */
export function peerMetricsOptions(metrics: AgentMetrics, hostname: string, quotaBackendBytes: number | undefined): Pick<PeerOptions, 'observeRequest' | 'observeRequestStart' | 'fileSystem' | 'etcdServer'> {
  return {
    observeRequest: metrics.observeRequest,
    observeRequestStart: metrics.observeRequestStart,
    fileSystem: timedFileSystem(new NodeFileSystem(), metrics.etcd),
    etcdServer: {
      observeCall: metrics.etcd.observeCall,
      traffic: metrics.etcd.clientTraffic,
      metrics: async () => ({ contentType: metrics.registry.contentType, body: withoutAgentLabel(await metrics.render(), hostname) }),
      quotaBackendBytes,
      onConnectionLimit: connectionLimitCounter(metrics.registry),
    },
  };
}

/** etcd's member series sampled from a running peer. */
export async function sampleMember(peer: Peer, quotaBackendBytes: number | undefined): Promise<EtcdMemberSample> {
  const status = await peer.backend.status();
  return {
    memberId: peer.backend.header().memberId,
    leaderId: status.leader,
    committedIndex: status.raftIndex,
    appliedIndex: status.raftAppliedIndex,
    dbSizeBytes: status.dbSizeBytes,
    dbSizeInUseBytes: status.dbSizeInUseBytes,
    quotaBackendBytes: quotaBackendBytes ?? 0,
    version: status.version,
  };
}
