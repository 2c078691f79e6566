/**
 * What other hosts are told to dial. An agent listens on its listen URLs
 * (`--client-urls`, `--server-urls`) and advertises its advertised URLs
 * (`--advertise-client-urls`, `--advertise-server-urls`, defaulting to the
 * listen URLs) in the member list, the volunteer and nominated keys and
 * `/_mgmt/endpoints/<host>`. A wildcard listen address (`0.0.0.0`, `[::]`)
 * cannot be dialled from another host: without an advertised URL, the agent
 * advertises the address of the interface it uses to reach its seeds (or,
 * with no seeds, its first non-loopback address) with the listen port.
 *
 * The choice is pure over an {@link AddressProbe}; `systemProbe` is the I/O
 * edge (a connected UDP socket reads the route's source address without
 * sending a packet; `os.networkInterfaces()` lists the addresses).
 */
import dgram from 'node:dgram';
import dns from 'node:dns/promises';
import net from 'node:net';
import os from 'node:os';

/** No address another host could dial, or a seed that is this agent itself. */
export class AdvertiseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdvertiseError';
  }
}

/** One address of one of this machine's interfaces. */
export interface InterfaceAddress {
  address: string;
  family: 4 | 6;
  internal: boolean;
}

/** The facts about this machine's network that the choice needs. */
export interface AddressProbe {
  /** The local address of the interface the kernel routes `host:port` through (rejects when there is no route). */
  localAddressToward(host: string, port: number): Promise<string>;
  /** This machine's interface addresses, in the order the system lists them. */
  interfaceAddresses(): InterfaceAddress[];
}

/** What the agent listens on and was told (URLs already parsed and normalized). */
export interface AdvertiseInput {
  seeds: readonly string[];
  /** Advertised client URLs: `--advertise-client-urls`, else the listen URLs (possibly wildcards). */
  clientUrls: readonly string[];
  serverUrls: readonly string[];
  listenClientUrls: readonly string[];
  /** `--bootstrap-expect`: the seeds list every host that starts together, this one included. */
  bootstrapExpect?: number;
}

/** The advertised URLs with every wildcard replaced, and the one line saying what was chosen and why. */
export interface AdvertiseChoice {
  clientUrls: string[];
  serverUrls: string[];
  /** Set when a wildcard was replaced. */
  note?: string;
}

/** Host of a URL without IPv6 brackets, lower case. */
export function urlHost(url: string): string {
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function urlPort(url: string): string {
  return new URL(url).port;
}

/** `0.0.0.0` or `::`: listen on every interface, dial none. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '0:0:0:0:0:0:0:0';
}

/** A loopback address or `localhost`: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  if (net.isIPv6(host)) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

function isLinkLocal(host: string): boolean {
  return /^fe80:/i.test(host) || host.startsWith('169.254.');
}

/** `scheme://host:port` with `host` put in brackets when it is IPv6. */
export function withHost(url: string, host: string): string {
  const u = new URL(url);
  return `${u.protocol}//${net.isIPv6(host) ? `[${host}]` : host}:${u.port}`;
}

/**
 * Replaces wildcard hosts in the advertised URLs and checks that what other
 * hosts are told is dialable: never a wildcard, never loopback once a
 * non-loopback seed is in use, never one of the seeds (a seed must be
 * another agent).
 */
export async function chooseAdvertisedUrls(input: AdvertiseInput, probe: AddressProbe): Promise<AdvertiseChoice> {
  const interfaces = probe.interfaceAddresses();
  // With --bootstrap-expect every host's seeds name itself too (identical commands on every host).
  if (input.bootstrapExpect === undefined) checkSeedsAreOthers(input, interfaces);
  const wildcards = [...input.clientUrls, ...input.serverUrls].filter((u) => isWildcardHost(urlHost(u)));
  let chosen: { address: string; why: string } | undefined;
  if (wildcards.length > 0) {
    const ipv4Only = wildcards.some((u) => urlHost(u) === '0.0.0.0');
    chosen = (await addressTowardSeeds(input.seeds, ipv4Only, probe)) ?? firstRoutable(interfaces, ipv4Only, input.seeds.length > 0);
  }
  const replace = (u: string): string => (chosen && isWildcardHost(urlHost(u)) ? withHost(u, chosen.address) : u);
  const choice: AdvertiseChoice = { clientUrls: input.clientUrls.map(replace), serverUrls: input.serverUrls.map(replace) };
  checkDialable(choice, input.seeds);
  if (chosen) choice.note = `advertising ${[...choice.clientUrls, ...choice.serverUrls].join(' ')} for the wildcard listen URLs: ${chosen.why}`;
  return choice;
}

async function addressTowardSeeds(seeds: readonly string[], ipv4Only: boolean, probe: AddressProbe): Promise<{ address: string; why: string } | undefined> {
  for (const seed of seeds) {
    let address: string;
    try {
      address = normalizeMapped(await probe.localAddressToward(urlHost(seed), Number(urlPort(seed))));
    } catch {
      continue; // no route to this seed: try the next
    }
    if (isWildcardHost(address) || (ipv4Only && !net.isIPv4(address))) continue;
    return { address, why: `${address} is the address of the interface that reaches seed ${seed}` };
  }
  return undefined;
}

function firstRoutable(interfaces: readonly InterfaceAddress[], ipv4Only: boolean, hadSeeds: boolean): { address: string; why: string } {
  const found = interfaces.find((a) => !a.internal && !isLoopbackHost(a.address) && !isLinkLocal(a.address) && (!ipv4Only || a.family === 4));
  if (!found) {
    const because = hadSeeds ? 'no seed is reachable and this host has' : 'this host has';
    throw new AdvertiseError(
      `--advertise-client-urls: the listen URLs are wildcards and ${because} no non-loopback ${ipv4Only ? 'IPv4 ' : ''}address to advertise; give --advertise-client-urls and --advertise-server-urls`,
    );
  }
  const why = hadSeeds ? `no seed is reachable, so ${found.address}, this host's first non-loopback address` : `no seeds, so ${found.address}, this host's first non-loopback address`;
  return { address: found.address, why };
}

function normalizeMapped(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/** A seed with this agent's own client address (host and port) is not a way into the cluster. */
function checkSeedsAreOthers(input: AdvertiseInput, interfaces: readonly InterfaceAddress[]): void {
  const own = new Set(interfaces.map((a) => normalizeMapped(a.address.toLowerCase())));
  for (const seed of input.seeds) {
    const host = normalizeMapped(urlHost(seed));
    const port = urlPort(seed);
    for (const url of [...input.clientUrls, ...input.listenClientUrls]) {
      const mine = urlHost(url);
      const same = mine === host || (isWildcardHost(mine) && (own.has(host) || isLoopbackHost(host)));
      if (same && urlPort(url) === port) {
        throw new AdvertiseError(`--seeds: ${JSON.stringify(seed)} is this agent's own client URL (${url}); seeds are the client URLs of other agents`);
      }
    }
  }
}

function checkDialable(choice: AdvertiseChoice, seeds: readonly string[]): void {
  const remoteSeed = seeds.find((s) => !isLoopbackHost(urlHost(s)));
  for (const [flag, urls] of [['--advertise-client-urls', choice.clientUrls], ['--advertise-server-urls', choice.serverUrls]] as const) {
    for (const url of urls) {
      const host = urlHost(url);
      if (isWildcardHost(host)) throw new AdvertiseError(`${flag}: ${JSON.stringify(url)} is a wildcard address; other hosts cannot dial it`);
      if (remoteSeed !== undefined && isLoopbackHost(host)) {
        throw new AdvertiseError(
          `${flag}: the advertised ${JSON.stringify(url)} is a loopback address but seed ${remoteSeed} is on another host, which could not dial it; listen on this host's address or give ${flag}`,
        );
      }
    }
  }
}

/** The real machine: a connected UDP socket (no packet is sent) and `os.networkInterfaces()`. */
export const systemProbe: AddressProbe = {
  async localAddressToward(host, port) {
    const { address, family } = await dns.lookup(host);
    const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(port, address, () => resolve());
      });
      return socket.address().address;
    } finally {
      socket.close();
    }
  },
  interfaceAddresses() {
    return Object.values(os.networkInterfaces())
      .flatMap((list) => list ?? [])
      .map((a) => ({ address: a.address, family: a.family === 'IPv6' ? 6 : 4, internal: a.internal }) satisfies InterfaceAddress);
  },
};
