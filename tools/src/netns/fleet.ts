/**
 * One `mgmt run` per host of a NetnsNetwork, on the default ports 2379/2380,
 * given its address in one of three styles; `etcdctl` and `mgmt` run from the
 * client namespace (the operator's machine, never partitioned). Kill, pause,
 * restart (optionally on a new address) and stop every agent.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { NetnsNetwork } from './network.js';

const root = path.resolve(import.meta.dirname, '../../..');
/** The `mgmt` command of this checkout. */
export const mgmtBin = path.join(root, 'node_modules/.bin/mgmt');

/**
 * How a host is told its address:
 * - `explicit`: `--client-urls http://<ip>:2379 --server-urls http://<ip>:2380`;
 * - `advertise`: listen on `0.0.0.0` and `--advertise-*-urls http://<ip>:...`;
 * - `wildcard`: listen on `0.0.0.0` only; the agent finds its address.
 */
export type AddressStyle = 'explicit' | 'advertise' | 'wildcard';
export const ADDRESS_STYLES: readonly AddressStyle[] = ['explicit', 'advertise', 'wildcard'];

export const CLIENT_PORT = 2379;
export const SERVER_PORT = 2380;

/** The `mgmt run` address flags of a host at `address` in `style`. */
export function addressFlags(style: AddressStyle, address: string): string[] {
  const at = (host: string, port: number) => `http://${host}:${port}`;
  if (style === 'explicit') return ['--client-urls', at(address, CLIENT_PORT), '--server-urls', at(address, SERVER_PORT)];
  const wild = ['--client-urls', at('0.0.0.0', CLIENT_PORT), '--server-urls', at('0.0.0.0', SERVER_PORT)];
  if (style === 'wildcard') return wild;
  return [...wild, '--advertise-client-urls', at(address, CLIENT_PORT), '--advertise-server-urls', at(address, SERVER_PORT)];
}

/** One agent process of the fleet. */
export interface FleetAgent {
  name: string;
  dataDir: string;
  logFile: string;
  seeds: string[];
  child: ChildProcess | undefined;
  exit: Promise<number | null>;
}

export interface FleetOptions {
  /** Where data directories and logs go (made by the caller, e.g. mkdtemp). */
  dir: string;
  style: AddressStyle;
  idealClusterSize: number;
  /** Extra environment for every agent (e.g. MGMT_LOG_LEVEL). */
  env?: Record<string, string>;
  /** Extra `mgmt run` flags of one host (e.g. its `--zone`). */
  argsFor?: (name: string) => string[];
}

/** Agents on the hosts of one network. */
export class Fleet {
  readonly agents = new Map<string, FleetAgent>();

  constructor(
    readonly net: NetnsNetwork,
    readonly o: FleetOptions,
  ) {}

  /** `http://<ip>:2379` of a host, at its current address. */
  clientUrl(name: string): string {
    return `http://${this.net.addressOf(name)}:${CLIENT_PORT}`;
  }

  /** `<ip>:2379` of every host, for etcdctl. */
  endpoints(names: readonly string[] = this.net.hostNames): string[] {
    return names.map((n) => `${this.net.addressOf(n)}:${CLIENT_PORT}`);
  }

  /** Starts `mgmt run` on a host; `seeds` are other hosts' names (their client URLs at start time). */
  start(name: string, seeds: readonly string[] = []): FleetAgent {
    const old = this.agents.get(name);
    if (old?.child && old.child.exitCode === null && old.child.signalCode === null) throw new Error(`fleet: ${name} is still running`);
    const dataDir = path.join(this.o.dir, name);
    const logFile = path.join(this.o.dir, `${name}.log`);
    const seedUrls = seeds.map((s) => this.clientUrl(s));
    const args = ['run', '--hostname', name, '--data-dir', dataDir, '--ideal-cluster-size', String(this.o.idealClusterSize), ...addressFlags(this.o.style, this.net.addressOf(name))];
    if (seedUrls.length > 0) args.push('--seeds', seedUrls.join(','));
    args.push(...(this.o.argsFor?.(name) ?? []));
    const log = fs.openSync(logFile, 'a');
    fs.writeSync(log, `\n=== mgmt ${args.join(' ')} (in ${this.net.netnsOf(name)})\n`);
    const child = this.net.spawn(name, mgmtBin, args, { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, MGMT_LOG_LEVEL: process.env.FLEET_LOG_LEVEL ?? 'info', ...this.o.env } });
    fs.closeSync(log);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const agent: FleetAgent = { name, dataDir, logFile, seeds: [...seeds], child, exit };
    this.agents.set(name, agent);
    return agent;
  }

  /** Sends a signal to a host's agent (SIGKILL, SIGSTOP, SIGCONT, SIGINT). */
  signal(name: string, signal: NodeJS.Signals): void {
    const a = this.agents.get(name);
    if (a?.child && a.child.exitCode === null && a.child.signalCode === null) a.child.kill(signal);
  }

  /** SIGKILLs a host's agent and waits until it is gone. */
  async kill(name: string): Promise<void> {
    const a = this.agents.get(name);
    if (!a) return;
    this.signal(name, 'SIGCONT');
    this.signal(name, 'SIGKILL');
    await a.exit;
  }

  /** Starts a killed host again with the same data directory and seeds (at its current address). */
  restart(name: string): FleetAgent {
    const a = this.agents.get(name);
    if (!a) throw new Error(`fleet: ${name} never started`);
    return this.start(name, a.seeds);
  }

  /** Runs etcdctl (API v3) from the client namespace against `endpoints` (ip:port). */
  async etcdctl(endpoints: string | readonly string[], ...args: string[]): Promise<string> {
    const list = typeof endpoints === 'string' ? endpoints : endpoints.join(',');
    return (await this.net.exec('client', 'env', ['ETCDCTL_API=3', 'etcdctl', '--endpoints', list, '--command-timeout=3s', '--dial-timeout=2s', ...args])).stdout;
  }

  /** Runs etcdctl against each endpoint in turn until one takes the command. */
  async etcdctlAny(endpoints: readonly string[], ...args: string[]): Promise<string> {
    let last: unknown = new Error('no endpoints');
    for (const e of endpoints) {
      try {
        return await this.etcdctl(e, ...args);
      } catch (err) {
        last = err;
      }
    }
    throw last;
  }

  /** Runs the `mgmt` command from the client namespace. */
  async mgmt(...args: string[]): Promise<string> {
    return (await this.net.exec('client', mgmtBin, args)).stdout;
  }

  /** The member list as etcdctl prints it (simple format), parsed. */
  async memberList(endpoint: string): Promise<Array<{ id: string; name: string; peerUrls: string; clientUrls: string; learner: boolean }>> {
    const out = await this.etcdctl(endpoint, 'member', 'list');
    return out
      .trim()
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => l.split(', '))
      .map((f) => ({ id: f[0] ?? '', name: f[2] ?? '', peerUrls: f[3] ?? '', clientUrls: f[4] ?? '', learner: f[5] === 'true' }));
  }

  /** Voters (name, id, client URLs) from the first of `names` whose member list answers, or undefined. */
  async voters(names: readonly string[] = this.net.hostNames): Promise<Array<{ id: string; name: string; peerUrls: string; clientUrls: string }> | undefined> {
    for (const n of names) {
      const list = await this.memberList(this.endpoints([n])[0]!).catch(() => undefined);
      if (list && list.length > 0) return list.filter((m) => !m.learner);
    }
    return undefined;
  }

  /** `etcdctl endpoint status` of one host: its Raft term, leader and revision as it reports them. */
  async endpointStatus(name: string): Promise<{ term: number; leader: string; revision: number; raftIndex: number }> {
    const out = await this.etcdctl(this.endpoints([name]), 'endpoint', 'status', '-w', 'json');
    const s = (JSON.parse(out) as Array<{ Status: { header: { revision: number; raft_term: number }; leader: number; raftIndex: number } }>)[0]!.Status;
    return { term: Number(s.header.raft_term), leader: BigInt(s.leader).toString(16), revision: Number(s.header.revision), raftIndex: Number(s.raftIndex) };
  }

  /** SIGKILLs every agent (paused ones too) and waits for them. */
  async stopAll(): Promise<void> {
    for (const name of this.agents.keys()) await this.kill(name);
  }

  /** The last `lines` lines of every agent's log, for a failure message. */
  tails(lines = 15): string {
    return [...this.agents.values()]
      .map((a) => {
        const text = fs.existsSync(a.logFile) ? fs.readFileSync(a.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
        return `--- ${a.name} (${a.logFile})\n${text}`;
      })
      .join('\n');
  }
}
