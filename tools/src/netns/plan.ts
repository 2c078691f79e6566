/**
 * The multi-host network as data: namespace names, addresses, the `ip`
 * commands that build it and the nftables scripts that cut it. Pure, so the
 * shape of the network and of every fault is unit-tested without root;
 * network.ts runs what this plans.
 *
 * Shape: one namespace holds only a bridge (`br0`); every host (and one
 * `client` namespace, the operator's machine, from which etcdctl runs) has
 * a veth pair whose one end (`eth0`) is in the host and whose other end is
 * enslaved to the bridge. The veth pair is created inside the bridge
 * namespace with its peer placed straight into the host namespace, so no
 * interface ever exists in the machine's own namespace: nothing routes
 * between the test network and the machine, and parallel runs (each with its
 * own namespaces, named after its pid) cannot clash even with the same
 * addresses.
 */

/** Every namespace this harness makes starts with this. */
export const NETNS_PREFIX = 'mgmtnet-';

/** The private /24 the hosts live in (10.0.0.0/8, never routed out of the namespaces). */
export const DEFAULT_SUBNET = '10.217.0';

/** The nftables table every fault lives in (one per host namespace). */
export const FAULT_TABLE = 'mgmtfault';

/** One namespace of the plan. */
export interface PlannedHost {
  name: string;
  netns: string;
  /** The bridge-side end of its veth pair (in the bridge namespace). */
  bridgePort: string;
  address: string;
}

/** The whole network. */
export interface NetworkPlan {
  /** Names start with this: `<NETNS_PREFIX><pid>-`. */
  runPrefix: string;
  bridgeNetns: string;
  subnet: string;
  hosts: PlannedHost[];
  client: PlannedHost;
}

/** Plans `hostNames` (h1, h2, ...) plus the client, for the run of process `pid`. */
export function planNetwork(hostNames: readonly string[], pid: number, subnet = DEFAULT_SUBNET): NetworkPlan {
  if (hostNames.length === 0 || hostNames.length > 100) throw new Error(`netns: 1 to 100 hosts, not ${hostNames.length}`);
  if (new Set(hostNames).size !== hostNames.length) throw new Error('netns: host names must differ');
  for (const h of hostNames) if (!/^[a-z][a-z0-9-]{0,15}$/.test(h) || h === 'client' || h === 'br') throw new Error(`netns: bad host name ${JSON.stringify(h)}`);
  if (!/^\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(subnet)) throw new Error(`netns: subnet ${JSON.stringify(subnet)} is not the first three octets of a /24`);
  const runPrefix = `${NETNS_PREFIX}${pid}-`;
  const hosts = hostNames.map((name, i) => ({ name, netns: `${runPrefix}${name}`, bridgePort: `vh${i + 1}`, address: hostAddress(subnet, i) }));
  return { runPrefix, bridgeNetns: `${runPrefix}br`, subnet, hosts, client: { name: 'client', netns: `${runPrefix}client`, bridgePort: 'vc', address: `${subnet}.2` } };
}

/** The address of the i-th host (0-based): .11, .12, ...; a host moved to a new address gets .111, .112, ... */
export function hostAddress(subnet: string, index: number, generation = 0): string {
  return `${subnet}.${11 + index + 100 * generation}`;
}

/** `ip` argument lists that build the network, in order. */
export function buildCommands(plan: NetworkPlan): string[][] {
  const br = plan.bridgeNetns;
  const cmds: string[][] = [
    ['netns', 'add', br],
    ['-n', br, 'link', 'set', 'lo', 'up'],
    ['-n', br, 'link', 'add', 'br0', 'type', 'bridge'],
    ['-n', br, 'link', 'set', 'br0', 'up'],
  ];
  for (const h of [plan.client, ...plan.hosts]) {
    cmds.push(
      ['netns', 'add', h.netns],
      ['-n', h.netns, 'link', 'set', 'lo', 'up'],
      ['-n', br, 'link', 'add', h.bridgePort, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', h.netns],
      ['-n', br, 'link', 'set', h.bridgePort, 'master', 'br0'],
      ['-n', br, 'link', 'set', h.bridgePort, 'up'],
      ['-n', h.netns, 'addr', 'add', `${h.address}/24`, 'dev', 'eth0'],
      ['-n', h.netns, 'link', 'set', 'eth0', 'up'],
    );
  }
  return cmds;
}

/** `ip` argument lists that move a host to a new address (its old one is gone). */
export function readdressCommands(host: PlannedHost, address: string): string[][] {
  return [
    ['-n', host.netns, 'addr', 'flush', 'dev', 'eth0'],
    ['-n', host.netns, 'addr', 'add', `${address}/24`, 'dev', 'eth0'],
  ];
}

/** Link down (cut off) or up (healed): the bridge-side end, so the host keeps its address but hears nothing. */
export function linkCommand(plan: NetworkPlan, host: PlannedHost, up: boolean): string[] {
  return ['-n', plan.bridgeNetns, 'link', 'set', host.bridgePort, up ? 'up' : 'down'];
}

/**
 * The nftables script for one host namespace: drop what it sends to
 * `dropTo` and what it receives from `dropFrom`. Replaces the host's fault
 * table whole (declare, delete, recreate: atomic in one `nft -f`); with both
 * lists empty it only removes the table.
 */
export function faultScript(dropTo: readonly string[], dropFrom: readonly string[]): string {
  const lines = [`table inet ${FAULT_TABLE}`, `delete table inet ${FAULT_TABLE}`];
  if (dropTo.length === 0 && dropFrom.length === 0) return `${lines.join('\n')}\n`;
  const set = (a: readonly string[]) => `{ ${a.join(', ')} }`;
  lines.push(`table inet ${FAULT_TABLE} {`);
  lines.push('  chain output {', '    type filter hook output priority 0; policy accept;');
  if (dropTo.length > 0) lines.push(`    ip daddr ${set(dropTo)} drop`);
  lines.push('  }', '  chain input {', '    type filter hook input priority 0; policy accept;');
  if (dropFrom.length > 0) lines.push(`    ip saddr ${set(dropFrom)} drop`);
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

/** What each host drops, for a set of cuts. */
export interface Cuts {
  /** host name -> addresses it must not send to. */
  dropTo: Map<string, Set<string>>;
  /** host name -> addresses it must not receive from. */
  dropFrom: Map<string, Set<string>>;
}

/** No cuts. */
export function noCuts(): Cuts {
  return { dropTo: new Map(), dropFrom: new Map() };
}

function add(m: Map<string, Set<string>>, host: string, address: string): void {
  let s = m.get(host);
  if (!s) m.set(host, (s = new Set()));
  s.add(address);
}

/** `from` can no longer reach `to` (what `from` sends to `to` is dropped, both at `from` and at `to`); `to` still reaches `from`... as far as TCP lets it. */
export function cutOneWay(cuts: Cuts, from: PlannedHost, to: PlannedHost): Cuts {
  add(cuts.dropTo, from.name, to.address);
  add(cuts.dropFrom, to.name, from.address);
  return cuts;
}

/** Hosts in different groups cannot reach each other either way; hosts in no group are not touched (the client stays connected to all). */
export function partitionGroups(cuts: Cuts, groups: ReadonlyArray<readonly PlannedHost[]>): Cuts {
  for (const [i, g] of groups.entries()) {
    for (const [j, other] of groups.entries()) {
      if (i === j) continue;
      for (const a of g) for (const b of other) cutOneWay(cuts, a, b);
    }
  }
  return cuts;
}
