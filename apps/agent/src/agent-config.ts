/**
 * What an agent is started with: `mgmt run`'s flags once validated
 * (apps/cli/src/run-config.ts), or a test's or the demo's choice.
 */
import type { Graph } from '@mgmt/graph';
import type { ConnectionLimits, FairQueueLimits } from '@mgmt/kv';
import type { Transport } from '@mgmt/transport';
import type { BackupOptions } from './backup/backup-plan.js';
import type { AgentTls } from './security/agent-tls.js';

/** What an agent is started with (`mgmt run`, validated). */
export interface AgentConfig {
  hostname: string;
  seeds: string[];
  clientUrls: string[];
  serverUrls: string[];
  /**
   * Where to listen, when it differs from `clientUrls`/`serverUrls` (which
   * are what other hosts are told to dial): a wildcard such as 0.0.0.0.
   */
  listenClientUrls?: string[];
  listenServerUrls?: string[];
  idealClusterSize: number;
  noServer: boolean;
  dataDir: string;
  /**
   * The Raft transport for each member id this agent is given (the demo's
   * worker threads); by default the peer URLs choose TCP or NATS.
   */
  transportFor?: (memberId: number) => Transport;
  /** TLS for `https://` URLs (operator certificates or a join token's); none means plaintext only. */
  tls?: AgentTls;
  /**
   * `--bootstrap-expect N`: with the same `--seeds` on every host (its own
   * client URL among them), wait until N hosts answer; the host at the
   * first seed in sorted order starts the cluster and the others join. A seed that answers with a
   * cluster id always wins.
   */
  bootstrapExpect?: number;
  /** The resource graph to converge (`mgmt run --file`), already loaded and validated. */
  graph?: { file: string; graph: Graph };
  /** The keyspace size past which writes raise etcd's NOSPACE alarm (`--quota-backend-bytes`); 0 or absent: none. */
  quotaBackendBytes?: number;
  /** Scheduled backups (`--backup-dir`, `--backup-interval`, `--backup-keep`), written while this member leads. */
  backup?: BackupOptions;
  /** How often the leader compares members' hashes (`--experimental-corrupt-check-time`); absent: never. */
  corruptCheckIntervalMs?: number;
  /** `--zone`: this host's failure zone, published as `/_mgmt/zones/<hostname>` with its volunteer key (validated). */
  zone?: string;
  /** What one client connection may hold on this member's etcd API (`--max-*-per-connection`); absent: the defaults. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Fair admission of unary KV and Lease calls between connections (`--max-requests-in-flight`, `--max-queued-requests`); absent: the defaults. */
  fairQueue?: Partial<FairQueueLimits>;
  /** `--api-workers`: worker threads serving the etcd API while this host is a member (Peer's apiWorkers; 0 or absent: this thread). */
  apiWorkers?: number;
  /** The lease TTL; by default it grows with the fleet (cluster/lease-ttl.ts). */
  leaseTtlSeconds?: number;
  /** The local tick (own-key repairs, removal check); observation itself follows the watch. */
  pollMs?: number;
  /** Told the revision of the mirrored `/_mgmt/` keys after every watch batch (the fleet harness times propagation with it). */
  onObserved?: (revision: number) => void;
  /** The process_* and nodejs_* series in this agent's metrics (default true; a process of many agents gives them to one). */
  processMetrics?: boolean;
  tickMs?: number;
}
