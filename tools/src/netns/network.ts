/**
 * Runs plan.ts on the real machine: makes the namespaces, bridge and veth
 * pairs with `ip`, injects faults with `ip link` and `nft` inside the
 * namespaces, runs commands inside a namespace (`ip netns exec`), and
 * removes everything it made. Needs root (CI runs as root); without it,
 * create() throws NetnsUnavailableError saying why.
 */
import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import {
  NETNS_PREFIX,
  buildCommands,
  cutOneWay,
  faultScript,
  linkCommand,
  noCuts,
  partitionGroups,
  planNetwork,
  readdressCommands,
  type Cuts,
  type NetworkPlan,
  type PlannedHost,
} from './plan.js';

const run = promisify(execFile);

/** This machine cannot make network namespaces (not root, no `ip`, no `nft`). */
export class NetnsUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetnsUnavailableError';
  }
}

async function ip(args: readonly string[]): Promise<string> {
  try {
    return (await run('ip', [...args])).stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`ip ${args.join(' ')}: ${(e.stderr ?? e.message).trim()}`, { cause: err });
  }
}

async function execIn(netns: string, cmd: string, args: readonly string[], input?: string): Promise<{ stdout: string; stderr: string }> {
  if (input === undefined) return run('ip', ['netns', 'exec', netns, cmd, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return new Promise((resolve, reject) => {
    const child = execFile('ip', ['netns', 'exec', netns, cmd, ...args], (err, stdout, stderr) => (err ? reject(new Error(`${cmd} in ${netns}: ${stderr.trim() || err.message}`, { cause: err })) : resolve({ stdout, stderr })));
    // A child that exits before reading its input makes the write fail (EPIPE): its exit status tells.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Says why namespaces cannot be made here, or nothing when they can. */
export async function netnsUnavailableReason(): Promise<string | undefined> {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return `network namespaces need root (uid is ${process.getuid()}); run as root, as CI does`;
  for (const [cmd, pkg] of [['ip', 'iproute2'], ['nft', 'nftables']] as const) {
    try {
      await run(cmd, ['-V']);
    } catch {
      return `\`${cmd}\` is missing: apt-get install -y ${pkg}`;
    }
  }
  return undefined;
}

/**
 * Removes namespaces of earlier runs whose process is gone (a run killed
 * with SIGKILL cannot clean up): every `mgmtnet-<pid>-*` with a dead pid.
 * Processes still inside them are killed first.
 */
export async function sweepStaleNamespaces(): Promise<string[]> {
  const names = (await ip(['netns', 'list']).catch(() => ''))
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => n.startsWith(NETNS_PREFIX));
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(/^mgmtnet-(\d+)-/.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pidAlive(pid)) continue;
    await killInside(name);
    await ip(['netns', 'del', name]).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

async function killInside(netns: string): Promise<void> {
  const pids = (await ip(['netns', 'pids', netns]).catch(() => '')).split(/\s+/).filter((p) => /^\d+$/.test(p));
  for (const p of pids) {
    try {
      process.kill(Number(p), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** A running multi-host network. */
export class NetnsNetwork {
  private readonly addresses = new Map<string, string>();
  private cuts: Cuts = noCuts();
  private readonly downLinks = new Set<string>();
  private destroyed = false;

  private constructor(readonly plan: NetworkPlan) {
    for (const h of [...plan.hosts, plan.client]) this.addresses.set(h.name, h.address);
  }

  /** Sweeps stale namespaces, then builds the network for `hostNames`; on any failure removes what it made. */
  static async create(hostNames: readonly string[], o: { subnet?: string } = {}): Promise<NetnsNetwork> {
    const why = await netnsUnavailableReason();
    if (why) throw new NetnsUnavailableError(`cannot make network namespaces: ${why}`);
    await sweepStaleNamespaces();
    const net = new NetnsNetwork(planNetwork(hostNames, process.pid, o.subnet));
    try {
      for (const cmd of buildCommands(net.plan)) await ip(cmd);
    } catch (err) {
      await net.destroy();
      throw new NetnsUnavailableError(`cannot make network namespaces: ${(err as Error).message}`, { cause: err });
    }
    return net;
  }

  /** Host names, in order. */
  get hostNames(): string[] {
    return this.plan.hosts.map((h) => h.name);
  }

  host(name: string): PlannedHost {
    const h = name === 'client' ? this.plan.client : this.plan.hosts.find((x) => x.name === name);
    if (!h) throw new Error(`netns: no host ${name}`);
    return { ...h, address: this.addresses.get(h.name) ?? h.address };
  }

  /** The host's current address. */
  addressOf(name: string): string {
    return this.host(name).address;
  }

  /** The namespace a host (or `client`) lives in. */
  netnsOf(name: string): string {
    return this.host(name).netns;
  }

  /** Runs a command inside a host's (or the client's) namespace; resolves with its output, rejects on a non-zero exit. */
  exec(name: string, cmd: string, args: readonly string[], input?: string): Promise<{ stdout: string; stderr: string }> {
    return execIn(this.netnsOf(name), cmd, args, input);
  }

  /** Starts a long-running command inside a host's namespace (`ip netns exec` execs it: the child's pid is the command's). */
  spawn(name: string, cmd: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    return spawn('ip', ['netns', 'exec', this.netnsOf(name), cmd, ...args], options);
  }

  /** Cuts a host off: its link to the bridge goes down. */
  async cutOff(name: string): Promise<void> {
    this.downLinks.add(name);
    await ip(linkCommand(this.plan, this.host(name), false));
  }

  /** `from`'s packets to `to` are dropped (nftables in both namespaces); the reverse direction stays. */
  async cutOneWay(from: string, to: string): Promise<void> {
    cutOneWay(this.cuts, this.host(from), this.host(to));
    await this.applyCuts([from, to]);
  }

  /** Hosts in different groups cannot reach each other; hosts in no group (and the client) reach everyone. */
  async partition(groups: ReadonlyArray<readonly string[]>): Promise<void> {
    partitionGroups(
      this.cuts,
      groups.map((g) => g.map((n) => this.host(n))),
    );
    await this.applyCuts(groups.flat());
  }

  /** Every link up, every nftables rule gone. */
  async heal(): Promise<void> {
    for (const name of [...this.downLinks]) await ip(linkCommand(this.plan, this.host(name), true));
    this.downLinks.clear();
    const touched = new Set([...this.cuts.dropTo.keys(), ...this.cuts.dropFrom.keys()]);
    this.cuts = noCuts();
    await this.applyCuts([...touched]);
  }

  /** Moves a host to a new address (do it while its agent is down: its sockets on the old one break). */
  async readdress(name: string, address: string): Promise<void> {
    for (const cmd of readdressCommands(this.host(name), address)) await ip(cmd);
    this.addresses.set(name, address);
  }

  private async applyCuts(names: readonly string[]): Promise<void> {
    for (const name of new Set(names)) {
      const script = faultScript([...(this.cuts.dropTo.get(name) ?? [])], [...(this.cuts.dropFrom.get(name) ?? [])]);
      await execIn(this.netnsOf(name), 'nft', ['-f', '-'], script);
    }
  }

  /** Kills every process inside the namespaces, then removes them. Safe to call twice. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    const all = [this.plan.client.netns, ...this.plan.hosts.map((h) => h.netns), this.plan.bridgeNetns];
    for (const ns of all) {
      if (!fs.existsSync(`/run/netns/${ns}`)) continue;
      await killInside(ns);
      await ip(['netns', 'del', ns]).catch(() => undefined);
    }
  }
}
