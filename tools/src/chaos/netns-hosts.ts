/**
 * `--hosts netns` for the chaos runner: each agent on a host of its own (a
 * network namespace of tools/src/netns, default ports, its own address), and
 * partitions that are real: nftables rules inside the namespaces drop all
 * traffic between the cut hosts, client traffic between agents included.
 *
 * The runner's own clients (etcd3 in-process, etcdctl) must reach the hosts'
 * addresses, which only exist inside the namespaces; so the runner makes the
 * network in the machine's namespace, then runs itself again inside the
 * network's client namespace (which no fault touches), with the plan in
 * MGMT_CHAOS_NETNS. From there it starts agents with `ip netns exec` and
 * applies rules with `ip netns exec ... nft`, both of which work from any
 * namespace. The outer process removes everything when the inner one ends,
 * also on Ctrl-C.
 */
import { execFile, spawn } from 'node:child_process';
import { NetnsNetwork } from '../netns/network.js';
import { faultScript, type NetworkPlan } from '../netns/plan.js';
import type { HostPlacement } from './cluster.js';
import type { PeerRules } from './network.js';

/** The environment variable that carries the network plan to the inner runner. */
export const CHAOS_NETNS_ENV = 'MGMT_CHAOS_NETNS';

/** Agents on the hosts of a network made by the outer runner. */
export class NetnsHosts implements HostPlacement {
  /** Applies rules in the order they were given (nft calls are async; the nemesis is not). */
  private applying: Promise<void> = Promise.resolve();

  constructor(readonly plan: NetworkPlan) {}

  /** The plan from MGMT_CHAOS_NETNS, when this runner is the inner one. */
  static fromEnv(env = process.env): NetnsHosts | undefined {
    const text = env[CHAOS_NETNS_ENV];
    return text ? new NetnsHosts(JSON.parse(text) as NetworkPlan) : undefined;
  }

  private host(name: string) {
    const h = this.plan.hosts.find((x) => x.name === name);
    if (!h) throw new Error(`chaos --hosts netns: no host ${name} (the network has ${this.plan.hosts.map((x) => x.name).join(', ')})`);
    return h;
  }

  urls(name: string): { clientUrl: string; peerUrl: string; endpoint: string } {
    const a = this.host(name).address;
    return { clientUrl: `http://${a}:2379`, peerUrl: `http://${a}:2380`, endpoint: `${a}:2379` };
  }

  command(name: string, bin: string, args: readonly string[]): [string, string[]] {
    return ['ip', ['netns', 'exec', this.host(name).netns, bin, ...args]];
  }

  /** Peer URLs in rules become the hosts' addresses; everything to and from them is dropped. */
  applyRules = (agent: { name: string }, rules: PeerRules): void => {
    const address = (url: string) => new URL(url).hostname;
    const script = faultScript(rules.dropTo.map(address), rules.dropFrom.map(address));
    const netns = this.host(agent.name).netns;
    this.applying = this.applying.then(async () => {
      const child = execFile('ip', ['netns', 'exec', netns, 'nft', '-f', '-'], (err, _out, stderr) => {
        if (err) process.stderr.write(`chaos: nft in ${netns} failed: ${stderr.trim() || err.message}\n`);
      });
      // A child that exits before reading its input makes the write fail (EPIPE): its exit status tells.
      child.stdin?.on('error', () => {});
      child.stdin?.end(script);
      await new Promise((r) => child.on('close', r));
    });
  };
}

/**
 * The outer runner: makes a network of `hostNames`, runs this same command
 * inside its client namespace with the plan in the environment, removes the
 * network when it ends; resolves with its exit code.
 */
export async function runInsideNetns(hostNames: readonly string[]): Promise<number> {
  let net: NetnsNetwork;
  try {
    net = await NetnsNetwork.create(hostNames);
  } catch (err) {
    process.stderr.write(`chaos: --hosts netns: ${(err as Error).message}\n`);
    return 2;
  }
  const child = spawn('ip', ['netns', 'exec', net.netnsOf('client'), process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [CHAOS_NETNS_ENV]: JSON.stringify(net.plan) },
  });
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : 1))));
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await net.destroy();
  return code;
}
