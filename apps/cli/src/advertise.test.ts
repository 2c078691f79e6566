// Proves what an agent tells other hosts to dial: its advertised URLs as
// given; for a wildcard listen URL, the address of the interface that
// reaches a seed (or, with no seeds, the first non-loopback address) with
// the listen port; and one AdvertiseError when nothing dialable exists, when
// a loopback address would be given to a remote seed, or when a seed is this
// agent itself. The last test asks the real machine (UDP connect, no packet).
import { describe, expect, it } from 'vitest';
import { AdvertiseError, chooseAdvertisedUrls, systemProbe, type AddressProbe, type AdvertiseInput, type InterfaceAddress } from './advertise.js';

const lo: InterfaceAddress[] = [
  { address: '127.0.0.1', family: 4, internal: true },
  { address: '::1', family: 6, internal: true },
];
const eth: InterfaceAddress[] = [
  { address: 'fe80::1', family: 6, internal: false },
  { address: '10.9.0.2', family: 4, internal: false },
  { address: 'fd00::2', family: 6, internal: false },
];

/** A machine whose route to any seed leaves through `routeVia` (or has no route). */
function probe(interfaces: InterfaceAddress[], routeVia?: (host: string) => string): AddressProbe {
  return {
    localAddressToward: (host) => (routeVia ? Promise.resolve(routeVia(host)) : Promise.reject(new Error('ENETUNREACH'))),
    interfaceAddresses: () => interfaces,
  };
}

function input(o: Partial<AdvertiseInput> & { listen?: string[] }): AdvertiseInput {
  const listen = o.listen ?? ['http://0.0.0.0:2379'];
  return { seeds: o.seeds ?? [], clientUrls: o.clientUrls ?? listen, serverUrls: o.serverUrls ?? ['http://0.0.0.0:2380'], listenClientUrls: listen };
}

describe('chooseAdvertisedUrls', () => {
  it('advertises explicit listen URLs as they are, and says nothing', async () => {
    const c = await chooseAdvertisedUrls(input({ listen: ['http://10.9.0.2:2379'], serverUrls: ['http://10.9.0.2:2380'], seeds: ['http://10.9.0.1:2379'] }), probe([...lo, ...eth]));
    expect(c).toEqual({ clientUrls: ['http://10.9.0.2:2379'], serverUrls: ['http://10.9.0.2:2380'] });
  });

  it('replaces a wildcard by the address of the interface that reaches the seed, with the listen port', async () => {
    const c = await chooseAdvertisedUrls(input({ seeds: ['http://10.9.0.1:2379'] }), probe([...lo, ...eth], () => '10.9.0.2'));
    expect(c.clientUrls).toEqual(['http://10.9.0.2:2379']);
    expect(c.serverUrls).toEqual(['http://10.9.0.2:2380']);
    expect(c.note).toContain('interface that reaches seed http://10.9.0.1:2379');
  });

  it('tries the next seed when one has no route', async () => {
    const route = (host: string) => {
      if (host === '192.0.2.1') throw new Error('ENETUNREACH');
      return '10.9.0.2';
    };
    const c = await chooseAdvertisedUrls(input({ seeds: ['http://192.0.2.1:2379', 'http://10.9.0.1:2379'] }), probe([...lo, ...eth], route));
    expect(c.note).toContain('seed http://10.9.0.1:2379');
  });

  it('with no seeds takes the first non-loopback, non-link-local address of the listen family', async () => {
    const c = await chooseAdvertisedUrls(input({}), probe([...lo, ...eth]));
    expect(c.clientUrls).toEqual(['http://10.9.0.2:2379']);
    expect(c.note).toContain('no seeds');
  });

  it('advertises IPv6 in brackets for [::]', async () => {
    const c = await chooseAdvertisedUrls(input({ listen: ['http://[::]:2379'], serverUrls: ['http://[::]:2380'] }), probe([...lo, eth[0]!, eth[2]!]));
    expect(c.clientUrls).toEqual(['http://[fd00::2]:2379']);
    expect(c.serverUrls).toEqual(['http://[fd00::2]:2380']);
  });

  it('keeps the advertise flags and only fills in the wildcards they leave', async () => {
    const c = await chooseAdvertisedUrls(input({ clientUrls: ['http://db1.example:2379'], seeds: ['http://10.9.0.1:2379'] }), probe([...lo, ...eth], () => '10.9.0.2'));
    expect(c.clientUrls).toEqual(['http://db1.example:2379']);
    expect(c.serverUrls).toEqual(['http://10.9.0.2:2380']);
  });

  it('accepts its own URL among the seeds with --bootstrap-expect (identical commands on every host)', async () => {
    const c = await chooseAdvertisedUrls({ ...input({ listen: ['http://10.9.0.2:2379'], seeds: ['http://10.9.0.1:2379', 'http://10.9.0.2:2379'] }), bootstrapExpect: 2 }, probe([...lo, ...eth], () => '10.9.0.2'));
    expect(c.clientUrls).toEqual(['http://10.9.0.2:2379']);
  });

  it('keeps loopback when the seeds are loopback too (one machine)', async () => {
    const c = await chooseAdvertisedUrls(input({ seeds: ['http://127.0.0.1:2381'] }), probe([...lo, ...eth], () => '127.0.0.1'));
    expect(c.clientUrls).toEqual(['http://127.0.0.1:2379']);
  });

  it.each([
    ['no routable address', input({}), probe(lo), 'no non-loopback IPv4 address'],
    ['no route and no address', input({ seeds: ['http://10.9.0.1:2379'] }), probe(lo), 'no seed is reachable'],
    ['loopback told to a remote seed', input({ listen: ['http://127.0.0.1:2379'], serverUrls: ['http://127.0.0.1:2380'], seeds: ['http://10.9.0.1:2379'] }), probe([...lo, ...eth]), 'loopback address but seed http://10.9.0.1:2379'],
    ['a seed that is this agent (explicit)', input({ listen: ['http://10.9.0.2:2379'], seeds: ['http://10.9.0.2:2379'] }), probe([...lo, ...eth]), "--seeds: \"http://10.9.0.2:2379\" is this agent's own client URL"],
    ['a seed that is this agent (wildcard)', input({ seeds: ['http://10.9.0.2:2379'] }), probe([...lo, ...eth], () => '10.9.0.2'), "is this agent's own client URL"],
    ['a seed that is this agent (advertised)', input({ clientUrls: ['http://db1.example:2379'], seeds: ['http://db1.example:2379'] }), probe([...lo, ...eth]), "is this agent's own client URL"],
  ])('refuses %s', async (_what, given, machine, message) => {
    await expect(chooseAdvertisedUrls(given, machine)).rejects.toThrow(AdvertiseError);
    await expect(chooseAdvertisedUrls(given, machine)).rejects.toThrow(message);
  });

  it('asks the real machine: the route to a loopback seed leaves through loopback', async () => {
    expect(await systemProbe.localAddressToward('127.0.0.1', 9)).toBe('127.0.0.1');
    expect(systemProbe.interfaceAddresses().some((a) => a.address === '127.0.0.1' && a.internal)).toBe(true);
  });
});
