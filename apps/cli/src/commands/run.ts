import { Option, type Command } from 'commander';
import { ConfigError, defaultClientUrl, defaultIdealClusterSize, defaultServerUrl, resolveRunConfig, type RunFlags } from '../run-config.js';
import { AdvertiseError, chooseAdvertisedUrls, systemProbe } from '../advertise.js';
import type { Io } from './index.js';
import { loadRunGraph } from '../graph-file.js';
import { runAgent } from './run-agent.js';

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
    .option('--data-dir <path>', 'where this agent keeps its Raft log and snapshots; env MGMT_DATA_DIR')
    .option('--status-url <url>', 'serve the live status page and /metrics here, e.g. http://127.0.0.1:8080 (off unless given); env MGMT_STATUS_URL')
    .action(async (flags: RunFlags) => {
      const config = resolveRunConfig(flags);
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
