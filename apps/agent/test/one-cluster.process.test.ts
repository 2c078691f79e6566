// Proves "never two clusters" with real `mgmt run` processes and the real
// etcdctl. The first host of the reference's example, started without
// --seeds, comes back to the same cluster however it went away (Ctrl-C,
// un-nominated then killed, SIGKILL with its data); `--bootstrap-expect`
// forms one cluster from identical commands, survives a whole-fleet restart
// with a wiped data directory; and two separate clusters pointed at each
// other refuse each other on both sides.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, spawnAgent, startAgent, votersOfAny, type AgentProc } from './process-harness.js';

let tmp: { dir: string; cleanup: () => void };
const procs = new Map<string, AgentProc>();

beforeAll(() => {
  tmp = tempDir('mgmt-one-cluster-');
});

afterAll(async () => {
  await killAll(procs.values());
  // MGMT_TEST_KEEP=1 keeps the agents' logs and data directories to look at.
  if (process.env.MGMT_TEST_KEEP) console.log(`kept ${tmp.dir}`);
  else tmp.cleanup();
});

const endpointsOf = (names?: string[]) => [...procs.values()].filter((p) => !names || names.includes(p.name)).map((p) => p.endpoint);

/** The cluster id and leader every serving endpoint reports (`endpoint status -w json`), one entry per endpoint. */
async function statuses(endpoints: string[]): Promise<Array<{ endpoint: string; clusterId: string; leader: string }>> {
  const out: Array<{ endpoint: string; clusterId: string; leader: string }> = [];
  for (const e of endpoints) {
    try {
      const json = JSON.parse(await etcdctl(e, 'endpoint', 'status', '-w', 'json')) as Array<{ Status: { header: { cluster_id: number }; leader: number } }>;
      for (const s of json) out.push({ endpoint: e, clusterId: s.Status.header.cluster_id.toString(16), leader: s.Status.leader.toString(16) });
    } catch {
      // not serving (a volunteer or client): only members answer
    }
  }
  return out;
}

/**
 * The one cluster id every serving endpoint reports, and the one leader they
 * agree on. Two cluster ids fail at once; members may name different leaders
 * for a moment around an election, so that is asked again for up to 30 s.
 */
async function oneCluster(endpoints: string[]): Promise<{ clusterId: string; leader: string; serving: number }> {
  let last: Array<{ endpoint: string; clusterId: string; leader: string }> = [];
  const agreed = await waitFor('the members agree on one leader', async () => {
    const s = await statuses(endpoints);
    last = s;
    expect([...new Set(s.map((x) => x.clusterId))], `cluster ids reported: ${JSON.stringify(s)}`).toHaveLength(s.length > 0 ? 1 : 0);
    return s.length > 0 && new Set(s.map((x) => x.leader)).size === 1 ? s : undefined;
  }, 30_000).catch((err: Error) => {
    throw new Error(`${err.message}: ${JSON.stringify(last)}`);
  });
  return { clusterId: agreed[0]!.clusterId, leader: agreed[0]!.leader, serving: agreed.length };
}

async function getAny(endpoints: string[], key: string): Promise<string | undefined> {
  for (const e of endpoints) {
    try {
      const out = (await etcdctl(e, 'get', key, '--print-value-only')).trim();
      return out;
    } catch {
      // next
    }
  }
  return undefined;
}

async function putAny(endpoints: string[], key: string, value: string): Promise<void> {
  await waitFor(`put ${key}`, async () => {
    for (const e of endpoints) {
      try {
        await etcdctl(e, 'put', key, value);
        return true;
      } catch {
        // next
      }
    }
    return false;
  }, 30_000);
}

async function waitVoters(names: string[] | undefined, count: number, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const v = await votersOfAny(endpointsOf(names));
    return v && v.length === count ? v : undefined;
  }, 120_000);
}

function log(p: AgentProc): string {
  return fs.readFileSync(p.logFile, 'utf8');
}

async function stop(p: AgentProc, signal: NodeJS.Signals): Promise<void> {
  p.child.kill(signal);
  await p.exit;
}

/** Restarts `p` exactly as it was started (same arguments, same data directory); a fresh log mark first. */
function restart(p: AgentProc): AgentProc {
  fs.appendFileSync(p.logFile, '\n--- restarted by the test ---\n');
  const next = spawnAgent(p);
  procs.set(p.name, next);
  return next;
}

function logSinceRestart(p: AgentProc): string {
  const text = log(p);
  return text.slice(text.lastIndexOf('--- restarted by the test ---'));
}

describe('the first host, restarted with its original command', () => {
  const names = ['h1', 'h2', 'h3', 'h4'];
  let clusterId = '';

  it('forms the reference cluster and stores important data', async () => {
    const h1 = await startAgent({ name: 'h1', dir: tmp.dir, ideal: 3 });
    procs.set('h1', h1);
    await waitVoters(names, 1, 'h1 bootstraps');
    for (const n of ['h2', 'h3', 'h4']) procs.set(n, await startAgent({ name: n, dir: tmp.dir, seeds: [h1.clientUrl] }));
    await waitVoters(names, 3, 'three voters');
    await putAny(endpointsOf(names), 'important', 'data');
    clusterId = (await oneCluster(endpointsOf(names))).clusterId;
  }, 200_000);

  it('after Ctrl-C comes back to the same cluster, never bootstrapping a second one', async () => {
    const h1 = procs.get('h1')!;
    await stop(h1, 'SIGINT');
    expect(await h1.exit).toBe(0);
    const again = restart(h1);
    await waitFor('h1 back as a volunteer or peer', async () => (await getAny(endpointsOf(['h2', 'h3', 'h4']), '/_mgmt/volunteers/h1')) !== undefined && (await getAny(endpointsOf(['h2', 'h3', 'h4']), '/_mgmt/volunteers/h1')) !== '', 60_000);
    const text = logSinceRestart(again);
    expect(text).not.toContain('starting a cluster of one');
    const c = await oneCluster(endpointsOf(names));
    expect(c.clusterId).toBe(clusterId);
    expect(await getAny([again.endpoint, ...endpointsOf(names)], 'important')).toBe('data');
  }, 200_000);

  it('after being un-nominated by a size change and killed, comes back to the same cluster', async () => {
    // Shrinking removes the extras with the last names; grow h1's odds by making it the only spare-to-be: 4 -> 1 voter.
    await putAny(endpointsOf(names), '/_mgmt/idealClusterSize', '1');
    await waitVoters(names, 1, 'one voter left');
    const voter = (await votersOfAny(endpointsOf(names)))![0]!;
    const victim = procs.get(voter === 'h1' ? 'h2' : 'h1')!;
    // The victim is un-nominated: its member data is gone, its cluster record stays.
    await waitFor(`${victim.name} un-nominated`, () => !fs.existsSync(path.join(victim.dataDir, 'member.json')), 60_000);
    expect(fs.existsSync(path.join(victim.dataDir, 'cluster.json'))).toBe(true);
    await stop(victim, 'SIGKILL');
    const again = restart(victim);
    await putAny(endpointsOf(names), '/_mgmt/idealClusterSize', '3');
    await waitVoters(names, 3, 'three voters again');
    await waitFor(`${victim.name} volunteers again`, async () => ((await getAny(endpointsOf(names), `/_mgmt/volunteers/${victim.name}`)) ?? '') !== '', 60_000);
    expect(logSinceRestart(again)).not.toContain('starting a cluster of one');
    const c = await oneCluster(endpointsOf(names));
    expect(c.clusterId).toBe(clusterId);
    expect(await getAny(endpointsOf(names), 'important')).toBe('data');
  }, 300_000);

  it('after a SIGKILL with its data intact, restarts its member in the same cluster', async () => {
    const voters = await waitVoters(names, 3, 'three voters');
    const victim = procs.get(voters[0]!)!;
    await stop(victim, 'SIGKILL');
    const again = restart(victim);
    // Back as a member (it restarted its own), or, when its old lease ran out while it started and the spare
    // replaced it, as a volunteer of the same cluster: never anything else.
    await waitFor(`${victim.name} back`, async () => (await statuses([again.endpoint])).length === 1 || ((await getAny(endpointsOf(names), `/_mgmt/volunteers/${victim.name}`)) ?? '') !== '', 60_000);
    expect(logSinceRestart(again)).toContain('restarting: the raft member from its data directory');
    expect(logSinceRestart(again)).not.toContain('starting a cluster of one');
    const c = await oneCluster(endpointsOf(names));
    expect(c.clusterId).toBe(clusterId);
    expect(await waitFor('important', () => getAny(endpointsOf(names), 'important'), 30_000)).toBe('data');
  }, 200_000);

  it('stops the four hosts', async () => {
    await killAll(names.map((n) => procs.get(n)!));
    for (const n of names) procs.delete(n);
  });
});

describe('--bootstrap-expect: identical commands on every host', () => {
  const names = ['e1', 'e2', 'e3', 'e4'];
  const ports = new Map<string, { client: number; server: number }>();
  let seeds = '';
  let clusterId = '';

  async function startExpect(name: string): Promise<AgentProc> {
    const p = ports.get(name)!;
    const clientUrl = `http://127.0.0.1:${p.client}`;
    const serverUrl = `http://127.0.0.1:${p.server}`;
    const dataDir = path.join(tmp.dir, name);
    const logFile = path.join(tmp.dir, `${name}.log`);
    if (fs.existsSync(logFile)) fs.appendFileSync(logFile, '\n--- restarted by the test ---\n');
    const args = ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir, '--seeds', seeds, '--bootstrap-expect', '3', '--ideal-cluster-size', '3'];
    const proc = spawnAgent({ name, clientUrl, serverUrl, endpoint: `127.0.0.1:${p.client}`, dataDir, args, logFile });
    procs.set(name, proc);
    return proc;
  }

  it('three agents form one cluster; the host at the first seed bootstraps', async () => {
    // e1 gets the client URL that sorts first: it is the one host that may start the cluster.
    const picked: Array<{ client: number; server: number }> = [];
    for (let i = 0; i < names.length; i++) picked.push({ client: await freePort(), server: await freePort() });
    picked.sort((a, b) => `http://127.0.0.1:${a.client}`.localeCompare(`http://127.0.0.1:${b.client}`));
    names.forEach((n, i) => ports.set(n, picked[i]!));
    seeds = ['e1', 'e2', 'e3'].map((n) => `http://127.0.0.1:${ports.get(n)!.client}`).join(',');
    // Started in reverse: the bootstrapper comes up last, and nobody starts early.
    for (const n of ['e3', 'e2', 'e1']) await startExpect(n);
    const voters = await waitVoters(names, 3, 'three voters from --bootstrap-expect');
    expect(voters).toEqual(['e1', 'e2', 'e3']);
    const c = await oneCluster(endpointsOf(names));
    clusterId = c.clusterId;
    expect(c.serving).toBe(3);
    expect(log(procs.get('e1')!)).toContain('answers at the first seed and starts the cluster');
    for (const n of ['e2', 'e3']) expect(log(procs.get(n)!)).not.toContain('starting a cluster of one');
    await putAny(endpointsOf(names), 'important', 'expect-data');
  }, 200_000);

  it('a fourth with the same command joins it', async () => {
    await startExpect('e4');
    await waitFor('e4 volunteers', async () => ((await getAny(endpointsOf(names), '/_mgmt/volunteers/e4')) ?? '') !== '', 60_000);
    expect((await oneCluster(endpointsOf(names))).clusterId).toBe(clusterId);
  }, 120_000);

  it('all four killed, the bootstrapper wiped, restarted in random order: one cluster, same id, data intact', async () => {
    const before = await etcdctl(endpointsOf(['e1', 'e2', 'e3'])[0]!, 'member', 'list');
    const oldE1 = before.split('\n').find((l) => l.includes(', e1,'))?.split(',')[0];
    for (const n of names) await stop(procs.get(n)!, 'SIGKILL');
    fs.rmSync(path.join(tmp.dir, 'e1'), { recursive: true, force: true });
    for (const n of ['e1', 'e4', 'e3', 'e2']) {
      await startExpect(n);
      await new Promise((r) => setTimeout(r, 300));
    }
    await waitVoters(names, 3, 'three voters after the whole-fleet restart');
    const c = await oneCluster(endpointsOf(names));
    expect(c.clusterId).toBe(clusterId);
    expect(await getAny(endpointsOf(names), 'important')).toBe('expect-data');
    expect(logSinceRestart(procs.get('e1')!)).not.toContain('starts the cluster');
    // The wiped host is back as a new member (its old member, whose data is gone, is replaced once the
    // leader finds it unreachable), never as a second cluster.
    await putAny(endpointsOf(names), '/_mgmt/idealClusterSize', '4');
    await waitFor('e1 back as a new member', async () => {
      for (const e of endpointsOf(['e2', 'e3', 'e4'])) {
        const list = await etcdctl(e, 'member', 'list').catch(() => '');
        const e1 = list.split('\n').find((l) => l.includes(', e1,'))?.split(',')[0];
        if (e1 !== undefined && e1 !== oldE1) return true;
      }
      return false;
    }, 180_000);
    expect((await oneCluster(endpointsOf(names))).clusterId).toBe(clusterId);
  }, 400_000);

  it('stops the four hosts', async () => {
    await killAll(names.map((n) => procs.get(n)!));
    for (const n of names) procs.delete(n);
  });
});

describe('--force-new-cluster', () => {
  it('starts a cluster of one, under a new cluster id, from the data in the directory', async () => {
    const f = await startAgent({ name: 'f1', dir: tmp.dir, ideal: 1 });
    procs.set('f1', f);
    await waitVoters(['f1'], 1, 'f1 bootstraps');
    await putAny([f.endpoint], 'kept', 'across');
    const before = (await oneCluster([f.endpoint])).clusterId;
    await stop(f, 'SIGINT');
    const again = spawnAgent({ ...f, args: [...f.args, '--force-new-cluster'] });
    procs.set('f1', again);
    await waitVoters(['f1'], 1, 'f1 forced');
    const after = (await oneCluster([again.endpoint])).clusterId;
    expect(after).not.toBe(before);
    expect(await waitFor('kept', () => getAny([again.endpoint], 'kept'), 30_000)).toBe('across');
    expect(await getAny([again.endpoint], '/_mgmt/clusterId')).toBe(after);
    expect(fs.readdirSync(f.dataDir).some((n) => n.startsWith('wal.before-force-new-cluster-'))).toBe(true);
    await stop(again, 'SIGKILL');
    procs.delete('f1');
  }, 120_000);
});

describe('two clusters pointed at each other', () => {
  it('refuse each other on both sides, and neither changes', async () => {
    const a = await startAgent({ name: 'a1', dir: tmp.dir, ideal: 1 });
    const b = await startAgent({ name: 'b1', dir: tmp.dir, ideal: 1 });
    procs.set('a1', a);
    procs.set('b1', b);
    await waitVoters(['a1'], 1, 'cluster a');
    await waitVoters(['b1'], 1, 'cluster b');
    const idA = (await oneCluster([a.endpoint])).clusterId;
    const idB = (await oneCluster([b.endpoint])).clusterId;
    expect(idA).not.toBe(idB);
    // b1 is restarted pointed at a1's seed: it restarts its own member (cluster b) and reaches out to a1.
    await stop(b, 'SIGKILL');
    const b2 = spawnAgent({ ...b, args: [...b.args, '--seeds', a.clientUrl] });
    procs.set('b1', b2);
    await waitFor('b1 refuses a1', () => log(b2).includes(`it belongs to cluster ${idA}, this host to cluster ${idB}`), 60_000);
    await waitFor('a1 refuses b1', () => log(a).includes(`refused a client of cluster ${idB}: this member belongs to cluster ${idA}`), 60_000);
    expect((await oneCluster([a.endpoint])).clusterId).toBe(idA);
    expect((await oneCluster([b2.endpoint])).clusterId).toBe(idB);
    expect(await votersOfAny([a.endpoint])).toEqual(['a1']);
    expect(await votersOfAny([b2.endpoint])).toEqual(['b1']);
  }, 200_000);
});
