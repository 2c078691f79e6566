import { zoneProblem } from '@mgmt/cluster-fsm';
import { canSharePort, defaultApiWorkers, type AgentConfig } from '@mgmt/agent';
import os from 'node:os';
import path from 'node:path';
import { isWildcardHost, urlHost } from './advertise.js';
import { UrlError, parseUrl, parseUrlList, splitList } from './urls.js';
import { resolveTls, type TlsFlags } from './tls-flags.js';
import { resolveConnectionLimits, resolveFairQueue, type ConnectionLimitFlags } from './connection-limit-flags.js';

/**
 * Everything `mgmt run` needs, validated: the agent's configuration plus the
 * flags of later issues. `clientUrls`/`serverUrls` are what other hosts are
 * told (the advertise flags, else the listen URLs, whose wildcards
 * chooseAdvertisedUrls replaces); `listen*Urls` are what the agent binds.
 */
export interface RunConfig extends AgentConfig {
  file: string | undefined;
  statusUrl: string | undefined;
  /** `--force-new-cluster`: start a cluster of one from this data directory, whatever cluster it belonged to. */
  forceNewCluster: boolean;
  /** The join token (`--token`): the agent prepares its PKI from it before it starts. */
  token?: string;
  /** With a token and `tls://` NATS URLs: the NATS server's CA (PEM). */
  natsCa?: string;
  /** Credentials for a NATS server that requires them. */
  natsCredentials?: { creds?: Uint8Array; user?: string; pass?: string };
  listenClientUrls: string[];
  listenServerUrls: string[];
}

/** The raw values commander collected (flags), before validation. */
export interface RunFlags extends TlsFlags, ConnectionLimitFlags {
  hostname?: string;
  seeds?: string[];
  clientUrls?: string[];
  serverUrls?: string[];
  peerUrls?: string[];
  advertiseClientUrls?: string[];
  advertiseServerUrls?: string[];
  idealClusterSize?: string;
  server?: boolean;
  file?: string;
  dataDir?: string;
  statusUrl?: string;
  forceNewCluster?: boolean;
  bootstrapExpect?: string;
  zone?: string;
  apiWorkers?: string;
}

/** A flag or environment value that cannot be used. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export const defaultClientUrl = 'http://127.0.0.1:2379';
export const defaultServerUrl = 'http://127.0.0.1:2380';
export const defaultIdealClusterSize = 5;

/**
 * Where an agent keeps its data unless told: never the temporary directory,
 * which many systems empty at boot (a rebooted first host would then start
 * a second cluster). Root: /var/lib/mgmt/<host>; others: the XDG state
 * directory.
 */
export function defaultDataDir(hostname: string, env: Record<string, string | undefined> = process.env, uid = process.getuid?.() ?? -1): string {
  if (uid === 0) return path.join('/var/lib/mgmt', hostname);
  const state = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(env.HOME || os.homedir(), '.local', 'state');
  return path.join(state, 'mgmt', hostname);
}

/**
 * Flags win over `MGMT_*` environment variables, which win over defaults.
 * Every error is one ConfigError naming the flag and the value.
 */
export function resolveRunConfig(flags: RunFlags, env: Record<string, string | undefined> = process.env): RunConfig {
  try {
    const hostname = (flags.hostname ?? env.MGMT_HOSTNAME ?? os.hostname()).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(hostname)) {
      throw new ConfigError(`--hostname: ${JSON.stringify(hostname)} is not a valid host name (letters, digits, '.', '_', '-'; at most 63)`);
    }
    const seeds = parseUrlList('--seeds', flags.seeds ?? env.MGMT_SEEDS, 'seed');
    const clientUrls = parseUrlList('--client-urls', flags.clientUrls ?? env.MGMT_CLIENT_URLS ?? defaultClientUrl, 'client');
    const serverUrls = parseUrlList(
      '--server-urls',
      flags.serverUrls ?? flags.peerUrls ?? env.MGMT_SERVER_URLS ?? env.MGMT_PEER_URLS ?? defaultServerUrl,
      'peer',
    );
    if (clientUrls.length === 0) throw new ConfigError('--client-urls: at least one URL is needed');
    if (serverUrls.length === 0) throw new ConfigError('--server-urls: at least one URL is needed');
    const advertiseClientUrls = parseAdvertised('--advertise-client-urls', flags.advertiseClientUrls ?? env.MGMT_ADVERTISE_CLIENT_URLS, 'client');
    const advertiseServerUrls = parseAdvertised('--advertise-server-urls', flags.advertiseServerUrls ?? env.MGMT_ADVERTISE_SERVER_URLS, 'peer');
    const sizeText = flags.idealClusterSize ?? env.MGMT_IDEAL_CLUSTER_SIZE ?? String(defaultIdealClusterSize);
    const idealClusterSize = Number(sizeText);
    if (!/^\s*\d+\s*$/.test(sizeText) || !Number.isSafeInteger(idealClusterSize) || idealClusterSize < 1) {
      throw new ConfigError(`--ideal-cluster-size: ${JSON.stringify(sizeText)} is not a positive integer`);
    }
    const noServer = flags.server === false || isTrue(env.MGMT_NO_SERVER);
    const file = flags.file ?? env.MGMT_FILE;
    const dataDir = path.resolve(flags.dataDir ?? env.MGMT_DATA_DIR ?? defaultDataDir(hostname, env));
    const forceNewCluster = flags.forceNewCluster === true || isTrue(env.MGMT_FORCE_NEW_CLUSTER);
    if (forceNewCluster && seeds.length > 0) throw new ConfigError('--force-new-cluster starts a cluster of one: it cannot be used with --seeds');
    if (forceNewCluster && noServer) throw new ConfigError('--force-new-cluster starts a member: it cannot be used with --no-server');
    const expectText = flags.bootstrapExpect ?? env.MGMT_BOOTSTRAP_EXPECT;
    let bootstrapExpect: number | undefined;
    if (expectText !== undefined && expectText !== '') {
      bootstrapExpect = Number(expectText);
      if (!/^\s*\d+\s*$/.test(expectText) || !Number.isSafeInteger(bootstrapExpect) || bootstrapExpect < 1 || bootstrapExpect > 99) {
        throw new ConfigError(`--bootstrap-expect: ${JSON.stringify(expectText)} is not an integer from 1 to 99`);
      }
      if (seeds.length === 0) throw new ConfigError('--bootstrap-expect needs --seeds listing the hosts that start together (this one included)');
      if (noServer) throw new ConfigError('--bootstrap-expect cannot be used with --no-server (a client never starts the cluster)');
      if (forceNewCluster) throw new ConfigError('--bootstrap-expect and --force-new-cluster exclude each other');
    }
    const zone = flags.zone ?? env.MGMT_ZONE;
    const badZone = zone === undefined ? undefined : zoneProblem(zone);
    if (badZone !== undefined) throw new ConfigError(`--zone: ${badZone}`);
    const apiWorkers = resolveApiWorkers(flags.apiWorkers ?? env.MGMT_API_WORKERS);
    const statusText = flags.statusUrl ?? env.MGMT_STATUS_URL;
    const statusUrl = statusText === undefined || statusText === '' ? undefined : parseUrl('--status-url', statusText, 'client');
    const secured = resolveTls(flags, env, {
      clientUrls,
      serverUrls,
      seeds,
      clientUrlsGiven: (flags.clientUrls ?? env.MGMT_CLIENT_URLS) !== undefined,
      serverUrlsGiven: (flags.serverUrls ?? flags.peerUrls ?? env.MGMT_SERVER_URLS ?? env.MGMT_PEER_URLS) !== undefined,
    });
    return {
      hostname,
      seeds,
      // What other hosts are told to dial; the agent listens on the listen URLs.
      clientUrls: advertiseClientUrls ?? secured.clientUrls,
      serverUrls: advertiseServerUrls ?? secured.serverUrls,
      listenClientUrls: secured.clientUrls,
      listenServerUrls: secured.serverUrls,
      idealClusterSize,
      noServer,
      file,
      dataDir,
      statusUrl,
      tls: secured.tls,
      token: secured.token,
      natsCa: secured.natsCa,
      natsCredentials: secured.natsCredentials,
      forceNewCluster,
      bootstrapExpect,
      ...(zone !== undefined ? { zone } : {}),
      ...(apiWorkers > 0 ? { apiWorkers } : {}),
      connectionLimits: resolveConnectionLimits(flags, env),
      fairQueue: resolveFairQueue(flags, env),
    };
  } catch (err) {
    if (err instanceof UrlError) throw new ConfigError(err.message, { cause: err });
    throw err;
  }
}

/** Most API worker threads one member may start. */
const MAX_API_WORKERS = 64;

/**
 * `--api-workers`: worker threads that serve the etcd API (0: the member's
 * own thread). More than one share the client port with SO_REUSEPORT,
 * which Node has from 22.12 on. Unless told: kv's defaultApiWorkers (one
 * per core but the member's; none on two cores or fewer).
 */
export function resolveApiWorkers(text: string | undefined, sharePort = canSharePort(), fallback = defaultApiWorkers()): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n > MAX_API_WORKERS) {
    throw new ConfigError(`--api-workers: ${JSON.stringify(text)} is not an integer from 0 to ${MAX_API_WORKERS}`);
  }
  if (n > 1 && !sharePort) throw new ConfigError(`--api-workers: ${n} workers must share the client port (SO_REUSEPORT), which needs Node 22.12 or later; this is Node ${process.versions.node}: use 1`);
  return n;
}

/** An advertise flag: absent (undefined) or URLs another host can dial, so never a wildcard. */
function parseAdvertised(flag: string, value: string | readonly string[] | undefined, kind: 'client' | 'peer'): string[] | undefined {
  const urls = parseUrlList(flag, value, kind);
  if (urls.length === 0) return undefined;
  for (const url of urls) {
    if (isWildcardHost(urlHost(url))) throw new ConfigError(`${flag}: ${JSON.stringify(url)} is a wildcard address; other hosts cannot dial it (give this host's address)`);
  }
  return urls;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

export { splitList };
