// Real hosts: four Linux network namespaces on one bridge, each running one
// `mgmt run` on the default ports 2379/2380, h2..h4 seeded with h1's address.
// Proves, with real partitions (links down, nftables) and real processes:
// - the reference's four-host example forms a 3-voter cluster whose member
//   list, endpoints and `mgmt status` show the hosts' real addresses, for
//   each way of giving addresses (explicit, wildcard + advertise, wildcard);
// - the leader's host cut off: the majority elects, keeps serving, replaces
//   it with the spare; healed, the host learns it was removed and comes back
//   as a volunteer without raising the term clients see;
// - a minority partition refuses writes and linearizable reads, its
//   serializable reads carry an older revision (how stale they are), and it
//   heals to the majority's data;
// - every host killed at once and restarted in random order comes back with
//   its data and the same members, with no operator action;
// - a host restarted on a new address (same name and data dir) rejoins under
//   it and the old address leaves the member list.
// Needs root (CI runs as root): without it the suite fails saying why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sleep } from '@mgmt/transport/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../chaos/rng.js';
import { ADDRESS_STYLES, Fleet, type AddressStyle } from './fleet.js';
import { NetnsNetwork, netnsUnavailableReason } from './network.js';
import { hostAddress } from './plan.js';

const HOSTS = ['h1', 'h2', 'h3', 'h4'];
let fleet: Fleet | undefined;
let dir = '';

/** A fresh network and four agents (h1 bootstraps, the others seed h1); resolves once 3 voters are listed. */
async function startFleet(style: AddressStyle): Promise<Fleet> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-netns-test-'));
  const net = await NetnsNetwork.create(HOSTS);
  fleet = new Fleet(net, { dir, style, idealClusterSize: 3 });
  for (const [i, name] of HOSTS.entries()) fleet.start(name, i === 0 ? [] : ['h1']);
  const f = fleet;
  await until('3 voters', async () => (await f.voters())?.length === 3, 60_000);
  // Settled before any fault: every member started (client URLs known) and every host, the spare included,
  // registered and publishing its status (so it has reached the cluster through more than its seed).
  await until('every member started and every host registered', async () => {
    const members = await f.memberList(f.endpoints(['h1'])[0]!);
    if (members.length !== 3 || members.some((m) => m.clientUrls === '')) return false;
    const rows = await statusRows(f, 'h1');
    return rows.length === HOSTS.length && rows.filter((r) => r.state === 'peer.running').length === 3 && rows.some((r) => r.state === 'volunteer.waiting');
  }, 60_000);
  return f;
}

/** Polls `check` every 300 ms; on timeout fails with what it waited for and the agents' last log lines. */
async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${fleet?.tails() ?? ''}`);
    await sleep(300);
  }
}

async function leaderName(f: Fleet): Promise<string> {
  return until('a leader', async () => {
    const voters = await f.voters();
    const st = await f.endpointStatus(voters![0]!.name);
    return voters!.find((v) => v.id === st.leader)?.name;
  });
}

/** The hosts' `mgmt status` rows, read from the client namespace. */
async function statusRows(f: Fleet, via: string): Promise<Array<{ host: string; state: string; member: string; endpoint: string }>> {
  return JSON.parse(await f.mgmt('status', '--endpoints', f.clientUrl(via), '-w', 'json')) as Array<{ host: string; state: string; member: string; endpoint: string }>;
}

beforeAll(async () => {
  const why = await netnsUnavailableReason();
  if (why) throw new Error(`the multi-host tests need network namespaces: ${why}`);
});

afterEach(async () => {
  await fleet?.stopAll();
  await fleet?.net.destroy();
  fleet = undefined;
  if (dir && process.env.NETNS_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('four hosts in network namespaces, default ports', () => {
  it.each(ADDRESS_STYLES)('forms a 3-voter cluster that shows the real addresses (%s)', async (style) => {
    const f = await startFleet(style);
    const members = await f.memberList(f.endpoints(['h1'])[0]!);
    const voters = members.filter((m) => !m.learner);
    expect(voters).toHaveLength(3);
    for (const m of members) {
      const ip = f.net.addressOf(m.name);
      expect(m.peerUrls).toBe(`http://${ip}:2380`);
      expect(m.clientUrls).toBe(`http://${ip}:2379`);
    }
    const rows = await until('every host in mgmt status with its endpoint', async () => {
      const r = await statusRows(f, 'h1');
      return r.length === 4 && r.filter((x) => x.state === 'peer.running').length === 3 ? r : undefined;
    });
    for (const r of rows) if (r.state === 'peer.running') expect(r.endpoint).toBe(f.clientUrl(r.host));
    const all = JSON.stringify(members) + JSON.stringify(rows) + (await f.etcdctl(f.endpoints(['h1']), 'get', '--prefix', '/_mgmt/'));
    expect(all).not.toContain('0.0.0.0');
    expect(all).not.toContain('127.0.0.1');
    // The cluster serves writes through every voter's advertised address.
    for (const v of voters) expect(await f.etcdctl(f.endpoints([v.name]), 'put', `k-${v.name}`, style)).toContain('OK');
  }, 120_000);

  it("replaces the leader's cut-off host with the spare; healed, it comes back as a volunteer without raising the term", async () => {
    const f = await startFleet('wildcard');
    const leader = await leaderName(f);
    const leaderId = (await f.voters())!.find((v) => v.name === leader)!.id;
    const others = HOSTS.filter((h) => h !== leader);
    await f.net.cutOff(leader);
    // The majority elects and keeps serving; the spare replaces the cut-off host.
    await until('a write through the majority', async () => (await f.etcdctlAny(f.endpoints(others), 'put', 'during-cut', 'yes')).includes('OK'));
    await until('3 voters without the cut-off host', async () => {
      const v = await f.voters(others);
      return v && v.length === 3 && !v.some((m) => m.name === leader) ? v : undefined;
    }, 60_000);
    const newLeader = await leaderName(f);
    const termBefore = (await f.endpointStatus(newLeader)).term;
    await f.net.heal();
    // Healed: it learns it was removed (its old member is gone for good) and volunteers again: it waits as the
    // spare, or, if a seat fell free meanwhile, is nominated afresh under a new member id.
    await until(`${leader} back as a volunteer`, async () => {
      const row = (await statusRows(f, newLeader)).find((r) => r.host === leader);
      return row && (row.state.startsWith('volunteer') || (row.state === 'peer.running' && row.member !== leaderId));
    }, 90_000);
    // It did not disturb the cluster: writes go through (a failed etcdctl on a loaded machine is tried again).
    for (let i = 0; i < 10; i++) {
      await until(`write ${i} after healing`, async () => (await f.etcdctlAny(f.endpoints(others), 'put', `after-heal-${i}`, 'yes')).includes('OK'), 10_000);
    }
    expect((await f.endpointStatus(newLeader)).term).toBe(termBefore);
    expect((await f.voters())?.map((m) => m.id)).not.toContain(leaderId);
    expect(await f.etcdctl(f.endpoints([newLeader]), 'get', 'during-cut', '--print-value-only')).toBe('yes\n');
  }, 180_000);

  it('a minority refuses writes and linearizable reads, serves serializable reads at an older revision, and heals', async () => {
    const f = await startFleet('advertise');
    const voters = (await f.voters())!.map((v) => v.name);
    const spare = HOSTS.find((h) => !voters.includes(h))!;
    const leader = await leaderName(f);
    const lonely = voters.find((v) => v !== leader)!;
    const majority = voters.filter((v) => v !== lonely);
    expect(await f.etcdctl(f.endpoints([leader]), 'put', 'k', 'v1')).toContain('OK');
    await until(`${lonely} applied v1`, async () => (await f.etcdctl(f.endpoints([lonely]), 'get', 'k', '--consistency=s', '--print-value-only')) === 'v1\n');
    await f.net.partition([[lonely, spare], majority]);
    expect(await f.etcdctl(f.endpoints([leader]), 'put', 'k', 'v2')).toContain('OK');
    const majorityRevision = (await f.endpointStatus(leader)).revision;
    // The minority side: no write, no linearizable read (never stale data)...
    await expect(f.etcdctl(f.endpoints([lonely]), 'put', 'k', 'minority')).rejects.toThrow();
    await expect(f.etcdctl(f.endpoints([lonely]), 'get', 'k')).rejects.toThrow();
    // ...a serializable read answers from its own copy, and its revision says how far behind it is.
    const stale = JSON.parse(await f.etcdctl(f.endpoints([lonely]), 'get', 'k', '--consistency=s', '-w', 'json')) as { header: { revision: number }; kvs: Array<{ value: string }> };
    expect(Buffer.from(stale.kvs[0]!.value, 'base64').toString()).toBe('v1');
    expect(Number(stale.header.revision)).toBeLessThan(majorityRevision);
    await f.net.heal();
    // Healed: three voters again (the minority voter may have been replaced meanwhile), each holding v2, and a
    // linearizable read through the voters answers v2.
    await until('3 voters after healing, each holding v2, v2 read linearizably', async () => {
      const healed = await f.voters();
      if (healed?.length !== 3) return false;
      for (const v of healed) if ((await f.etcdctl(f.endpoints([v.name]), 'get', 'k', '--consistency=s', '--print-value-only')) !== 'v2\n') return false;
      return (await f.etcdctlAny(f.endpoints(healed.map((v) => v.name)), 'get', 'k', '--print-value-only')) === 'v2\n';
    }, 90_000);
  }, 180_000);

  it('comes back with its data and the same members when every host is killed and restarted in random order', async () => {
    const seed = Number(process.env.NETNS_SEED ?? Date.now() % 100_000);
    const f = await startFleet('wildcard');
    const before = (await f.voters())!.map((v) => `${v.id} ${v.name} ${v.peerUrls} ${v.clientUrls}`).sort();
    for (let i = 0; i < 20; i++) expect(await f.etcdctlAny(f.endpoints(), 'put', `data-${i}`, `v${i}`)).toContain('OK');
    for (const h of HOSTS) await f.kill(h);
    const rng = mulberry32(seed);
    const order = [...HOSTS].sort(() => rng.next() - 0.5);
    process.stdout.write(`netns reboot: restart order ${order.join(' ')} (NETNS_SEED=${seed} replays it)\n`);
    for (const h of order) {
      f.restart(h);
      await sleep(rng.int(0, 1500));
    }
    await until(`the same 3 voters back (order ${order.join(' ')}, NETNS_SEED=${seed})`, async () => {
      const v = await f.voters();
      return v && JSON.stringify(v.map((m) => `${m.id} ${m.name} ${m.peerUrls} ${m.clientUrls}`).sort()) === JSON.stringify(before);
    }, 90_000);
    const out = await until('a linearizable read of the data', () => f.etcdctlAny(f.endpoints(), 'get', '--prefix', 'data-', '--print-value-only'), 60_000);
    expect(out.trim().split('\n').sort()).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`).sort());
    // And it stays so once the leases of the killed agents have expired (their volunteer keys are written again).
    await sleep(12_000);
    expect((await f.voters())!.map((m) => `${m.id} ${m.name} ${m.peerUrls} ${m.clientUrls}`).sort()).toEqual(before);
    const volunteers = await f.etcdctlAny(f.endpoints(), 'get', '--prefix', '/_mgmt/volunteers/', '--keys-only');
    for (const h of HOSTS) expect(volunteers).toContain(`/_mgmt/volunteers/${h}`);
  }, 240_000);

  it('a host restarted on a new address rejoins under it; the old address leaves the member list', async () => {
    const f = await startFleet('wildcard');
    const voters = (await f.voters())!;
    const moving = voters.find((v) => v.name !== 'h1')!;
    const oldAddress = f.net.addressOf(moving.name);
    await f.kill(moving.name);
    const newAddress = hostAddress(f.net.plan.subnet, HOSTS.indexOf(moving.name), 1);
    await f.net.readdress(moving.name, newAddress);
    f.restart(moving.name);
    // The restart races the leader's dead-member rule (lease expired, 5 s, and not heard from). Back in time, the
    // member keeps its id and updates its entry. Later (a loaded machine starts a process slowly), it was removed
    // while down, and comes back as a volunteer under the new address (or, nominated at once, as a new member:
    // ids are never reused); a fourth seat then brings it in. Either way no entry keeps the old address.
    const at = (port: number) => `http://${newAddress}:${port}`;
    const outcome = await until(`${moving.name} back under ${newAddress}`, async () => {
      const list = await f.memberList(f.endpoints(['h1'])[0]!);
      if (list.filter((m) => !m.learner).length !== 3 || JSON.stringify(list).includes(`//${oldAddress}:`)) return undefined;
      const me = list.find((m) => m.name === moving.name && !m.learner);
      if (me) return me.peerUrls === at(2380) && me.clientUrls === at(2379) ? (me.id === moving.id ? 'kept its seat' : 'rejoined as a new member') : undefined;
      const volunteer = await f.etcdctl(f.endpoints(['h1']), 'get', `/_mgmt/volunteers/${moving.name}`, '--print-value-only');
      return volunteer.includes(at(2380)) ? 'waits as a volunteer' : undefined;
    }, 90_000);
    process.stdout.write(`netns address change: ${moving.name} ${outcome}\n`);
    if (outcome !== 'kept its seat') {
      // Only because it was declared dead (lease expired) or failed (silent past the failure timeout, issue 22)
      // while down, never because its new address went unnoticed.
      const logs = [...f.agents.values()].map((a) => fs.readFileSync(a.logFile, 'utf8')).join('\n');
      expect(logs).toMatch(new RegExp(`removeMember ${moving.name}: (${moving.name} is dead: lease expired|\\d+ voters, ideal \\d+: ${moving.name} failed \\(not heard from)`));
    }
    if (outcome === 'waits as a volunteer') {
      expect(await f.etcdctl(f.endpoints(['h1']), 'put', '/_mgmt/idealClusterSize', '4')).toContain('OK');
      await until(`${moving.name} a voter under ${newAddress}`, async () => {
        const me = (await f.memberList(f.endpoints(['h1'])[0]!)).find((m) => m.name === moving.name && !m.learner);
        return me?.peerUrls === at(2380) && me.clientUrls === at(2379);
      }, 90_000);
    }
    await until(`${moving.name} serves under ${newAddress}`, async () => (await f.etcdctl(`${newAddress}:2379`, 'put', 'moved', 'yes')).includes('OK'), 60_000);
  }, 240_000); // one phase more than the others when it was replaced while down
});
