// Proves the shape of the multi-host network without root: namespace names
// carry the run's pid (parallel runs never clash), every veth pair is made
// inside the bridge namespace (nothing appears in the machine's own), and
// the nftables scripts drop exactly the cuts asked for.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBNET, FAULT_TABLE, buildCommands, cutOneWay, faultScript, hostAddress, linkCommand, noCuts, partitionGroups, planNetwork } from './plan.js';

describe('planNetwork', () => {
  const plan = planNetwork(['h1', 'h2', 'h3'], 4242);

  it('names every namespace after the pid and gives the hosts .11, .12, ... of a private /24', () => {
    expect(plan.bridgeNetns).toBe('mgmtnet-4242-br');
    expect(plan.hosts.map((h) => [h.netns, h.address])).toEqual([
      ['mgmtnet-4242-h1', `${DEFAULT_SUBNET}.11`],
      ['mgmtnet-4242-h2', `${DEFAULT_SUBNET}.12`],
      ['mgmtnet-4242-h3', `${DEFAULT_SUBNET}.13`],
    ]);
    expect(plan.client.address).toBe(`${DEFAULT_SUBNET}.2`);
    expect(hostAddress(DEFAULT_SUBNET, 1, 1)).toBe(`${DEFAULT_SUBNET}.112`);
  });

  it('makes every interface inside a namespace of its own, never in the root namespace', () => {
    for (const cmd of buildCommands(plan)) {
      if (cmd[0] === 'netns') continue;
      expect(cmd[0]).toBe('-n');
      expect(cmd[1]).toMatch(/^mgmtnet-4242-/);
      if (cmd.includes('veth')) expect(cmd.slice(-2)).toEqual(['netns', cmd.at(-1)]);
    }
    expect(linkCommand(plan, plan.hosts[0]!, false)).toEqual(['-n', 'mgmtnet-4242-br', 'link', 'set', 'vh1', 'down']);
  });

  it.each([[[]], [['h1', 'h1']], [['client']], [['Bad']]])('refuses hosts %j', (hosts) => {
    expect(() => planNetwork(hosts, 1)).toThrow(/netns/);
  });
});

describe('faults', () => {
  const [h1, h2, h3] = planNetwork(['h1', 'h2', 'h3'], 1).hosts as [never, never, never];

  it('cuts one way: the sender drops what it sends, the receiver what it receives', () => {
    const cuts = cutOneWay(noCuts(), h1, h2);
    expect([...(cuts.dropTo.get('h1') ?? [])]).toEqual([`${DEFAULT_SUBNET}.12`]);
    expect([...(cuts.dropFrom.get('h2') ?? [])]).toEqual([`${DEFAULT_SUBNET}.11`]);
    expect(cuts.dropTo.has('h2')).toBe(false);
  });

  it('partitions groups both ways and leaves hosts within a group alone', () => {
    const cuts = partitionGroups(noCuts(), [[h1], [h2, h3]]);
    expect([...(cuts.dropTo.get('h1') ?? [])].sort()).toEqual([`${DEFAULT_SUBNET}.12`, `${DEFAULT_SUBNET}.13`]);
    expect([...(cuts.dropTo.get('h2') ?? [])]).toEqual([`${DEFAULT_SUBNET}.11`]);
    expect([...(cuts.dropFrom.get('h3') ?? [])]).toEqual([`${DEFAULT_SUBNET}.11`]);
  });

  it('writes one nftables table per host, replaced whole, removed when empty', () => {
    const script = faultScript(['10.217.0.12'], ['10.217.0.13']);
    expect(script).toContain(`table inet ${FAULT_TABLE}\ndelete table inet ${FAULT_TABLE}\n`);
    expect(script).toContain('ip daddr { 10.217.0.12 } drop');
    expect(script).toContain('ip saddr { 10.217.0.13 } drop');
    expect(faultScript([], [])).toBe(`table inet ${FAULT_TABLE}\ndelete table inet ${FAULT_TABLE}\n`);
  });
});
