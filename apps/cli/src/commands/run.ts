import { Option, type Command } from 'commander';
import { ConfigError, defaultClientUrl, defaultIdealClusterSize, defaultServerUrl, resolveRunConfig, type RunFlags } from '../run-config.js';
import { AdvertiseError, chooseAdvertisedUrls, systemProbe } from '../advertise.js';
import type { Io } from './index.js';
import { loadRunGraph } from '../graph-file.js';
import { runAgent } from './run-agent.js';
import { resolveEtcdFlags, type EtcdFlags } from '../etcd-flags.js';
import { DEFAULT_CONNECTION_LIMITS, DEFAULT_FAIR_QUEUE_LIMITS } from '@mgmt/agent';

/** Collects a repeatable list flag: `--seeds a --seeds b,c` gives ["a", "b,c"]; splitting happens later. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `mgmt run`: starts an agent with the reference's flags. */
export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('run an agent: bootstrap a cluster of one, or join one through --seeds')
    .option('--file <path>', 'graph file (YAML) to converge; env MGMT_FILE')
    .option('--hostname <name>', 'the name this agent goes by in the cluster; env MGMT_HOSTNAME (default: the OS host name)')
    .option('--seeds <urls>', 'client URLs of any existing members, split on , ; or spaces; env MGMT_SEEDS', collect)
    .option('--client-urls <urls>', `URLs to serve the etcd v3 API on; env MGMT_CLIENT_URLS (default ${defaultClientUrl})`, collect)
    .option('--server-urls <urls>', `URLs to listen on for Raft peers; env MGMT_SERVER_URLS (default ${defaultServerUrl})`, collect)
    .addOption(new Option('--peer-urls <urls>', 'alias of --server-urls').argParser(collect))
    .option('--advertise-client-urls <urls>', 'client URLs other hosts are told to dial; env MGMT_ADVERTISE_CLIENT_URLS (default: --client-urls, a wildcard replaced by the address that reaches the seeds)', collect)
    .option('--advertise-server-urls <urls>', 'peer URLs other hosts are told to dial; env MGMT_ADVERTISE_SERVER_URLS (default: --server-urls, a wildcard replaced likewise)', collect)
    .option('--ideal-cluster-size <n>', `how many members the cluster should have; env MGMT_IDEAL_CLUSTER_SIZE (default ${defaultIdealClusterSize})`)
    .option('--no-server', 'never volunteer to be a member; only a client; env MGMT_NO_SERVER=1')
    .option(
      '--data-dir <path>',
      'where this agent keeps its Raft log, snapshots and cluster record; env MGMT_DATA_DIR (default /var/lib/mgmt/<hostname> as root, else $XDG_STATE_HOME/mgmt/<hostname> or ~/.local/state/mgmt/<hostname>; never the temp directory)',
    )
    .option(
      '--bootstrap-expect <n>',
      'start together: wait until n of --seeds (this host among them) answer; the host at the first seed (sorted) starts the cluster, the others join; a seed that already has a cluster always wins; env MGMT_BOOTSTRAP_EXPECT',
    )
    .option(
      '--force-new-cluster',
      'start a cluster of one from this data directory even though it belongs to a cluster (a new cluster id; etcd\'s flag); env MGMT_FORCE_NEW_CLUSTER=1',
    )
    .option('--zone <name>', 'failure zone of this host (rack, room, site): the nominator spreads voters and standbys over zones; env MGMT_ZONE (default: none)')
    .option('--status-url <url>', 'serve the live status page and /metrics here, e.g. http://127.0.0.1:8080 (off unless given); env MGMT_STATUS_URL')
    .option('--token <secret>', 'join token: automatic TLS for clients and peers (the first agent makes the cluster CA; joiners prove they know the token); env MGMT_TOKEN')
    .option('--token-file <path>', 'read the join token from the first line of this file; env MGMT_TOKEN_FILE')
    .option('--cert-file <path>', 'certificate for https:// client URLs (etcd --cert-file); env MGMT_CERT_FILE')
    .option('--key-file <path>', 'key of --cert-file; env MGMT_KEY_FILE')
    .option('--trusted-ca-file <path>', 'CA that client certificates (and the servers this agent dials) chain to; env MGMT_TRUSTED_CA_FILE')
    .option('--client-cert-auth', 'refuse clients without a certificate signed by --trusted-ca-file; env MGMT_CLIENT_CERT_AUTH=1')
    .option('--peer-cert-file <path>', 'certificate for https:// server (peer) URLs; env MGMT_PEER_CERT_FILE')
    .option('--peer-key-file <path>', 'key of --peer-cert-file; env MGMT_PEER_KEY_FILE')
    .option('--peer-trusted-ca-file <path>', 'CA that peer certificates chain to; env MGMT_PEER_TRUSTED_CA_FILE')
    .option('--peer-client-cert-auth', 'refuse peers without a certificate signed by --peer-trusted-ca-file; env MGMT_PEER_CLIENT_CERT_AUTH=1')
    .option('--nats-creds <path>', 'NATS credentials file (user JWT and nkey) for a nats-server that requires it; env MGMT_NATS_CREDS')
    .option('--nats-user <name>', 'user for a nats-server that requires one; env MGMT_NATS_USER')
    .option('--nats-password <secret>', 'password of --nats-user; env MGMT_NATS_PASSWORD')
    .option('--quota-backend-bytes <bytes>', 'keyspace size past which writes are refused with etcd\'s NOSPACE alarm until space is freed and the alarm disarmed (etcd\'s flag; default 2 GiB); env MGMT_QUOTA_BACKEND_BYTES')
    .option('--backup-dir <path>', 'write scheduled backups (snapshot files, restore with mgmt snapshot restore) here while this member leads; env MGMT_BACKUP_DIR')
    .option('--backup-interval <duration>', 'time between backups, cluster-wide (e.g. 1h, 30m; default 1h); env MGMT_BACKUP_INTERVAL')
    .option('--backup-keep <n>', 'how many backup files to keep in --backup-dir (default 24); env MGMT_BACKUP_KEEP')
    .option('--experimental-corrupt-check-time <duration>', 'how often the leader compares every member\'s keyspace hash and raises CORRUPT on a mismatch (etcd\'s flag; off unless given, e.g. 5m); env MGMT_EXPERIMENTAL_CORRUPT_CHECK_TIME')
    .option('--api-workers <n>', 'worker threads that serve the etcd API while this host is a member, each over a replica of the store (Raft, the WAL and apply keep their own thread); 0: the member\'s thread (default: one per core but the member\'s, none on 2 cores or fewer; more than 1 needs Node 22.12+); env MGMT_API_WORKERS')
    .option('--max-watches-per-connection <n>', `watchers one client connection may hold over all its watch streams; past it a watch is refused with etcd's "too many requests" (default ${DEFAULT_CONNECTION_LIMITS.watches}); env MGMT_MAX_WATCHES_PER_CONNECTION`)
    .option('--max-leases-per-connection <n>', `live leases one client connection may have granted (default ${DEFAULT_CONNECTION_LIMITS.leases}); env MGMT_MAX_LEASES_PER_CONNECTION`)
    .option('--max-streams-per-connection <n>', `open streams (watch, keep-alive, snapshot ...) per client connection (default ${DEFAULT_CONNECTION_LIMITS.streams}); env MGMT_MAX_STREAMS_PER_CONNECTION`)
    .option('--max-requests-per-connection <n>', `unary calls in flight per client connection (default ${DEFAULT_CONNECTION_LIMITS.requests}); env MGMT_MAX_REQUESTS_PER_CONNECTION`)
    .option('--max-requests-in-flight <n>', `unary KV and Lease calls served at once over all connections; more wait, and connections take turns (default ${DEFAULT_FAIR_QUEUE_LIMITS.maxInFlight}); env MGMT_MAX_REQUESTS_IN_FLIGHT`)
    .option('--max-queued-requests <n>', `calls that may wait for their turn; past it etcd's "too many requests" (default ${DEFAULT_FAIR_QUEUE_LIMITS.maxQueued}); env MGMT_MAX_QUEUED_REQUESTS`)
    .action(async (flags: RunFlags & EtcdFlags) => {
      const config = Object.assign(resolveRunConfig(flags), resolveEtcdFlags(flags));
      const advertised = await chooseAdvertisedUrls(config, systemProbe).catch((err: unknown) => {
        throw err instanceof AdvertiseError ? new ConfigError(err.message, { cause: err }) : err;
      });
      config.clientUrls = advertised.clientUrls;
      config.serverUrls = advertised.serverUrls;
      if (advertised.note) io.err(`mgmt run: ${advertised.note}\n`);
      if (config.file !== undefined) config.graph = await loadRunGraph(config.file);
      await runAgent(config, io);
    });
}
