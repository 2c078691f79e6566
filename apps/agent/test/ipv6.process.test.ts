// IPv6 URLs end to end: two `mgmt run` processes on [::1], the second seeded
// with the first's `http://[::1]:port`, form a 2-voter cluster whose member
// list (read with the real etcdctl over IPv6) shows the bracketed URLs.
// DNS names the same way: URLs naming `localhost` (resolved like any name,
// never rewritten to an address) form a cluster whose member list and
// `/_mgmt/endpoints/` keys keep the name, and serve a write.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, memberList, spawnAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };

beforeAll(() => {
  tmp = tempDir('mgmt-ipv6-');
});

afterEach(async () => {
  await killAll(procs.splice(0));
});

afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

/** `mgmt run` with client and server URLs on `host` (`[::1]` or a name). */
async function startV6(name: string, seeds: string[], host = '[::1]'): Promise<AgentProc> {
  const clientPort = await freePort();
  const clientUrl = `http://${host}:${clientPort}`;
  const serverUrl = `http://${host}:${await freePort()}`;
  const dataDir = path.join(tmp.dir, name);
  const args = ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir, '--ideal-cluster-size', '2'];
  if (seeds.length > 0) args.push('--seeds', seeds.join(','));
  const p = spawnAgent({ name, clientUrl, serverUrl, endpoint: `${host}:${clientPort}`, dataDir, args, logFile: path.join(tmp.dir, `${name}.log`) });
  procs.push(p);
  return p;
}

describe('IPv6 addresses and DNS names', () => {
  it('forms a cluster over [::1] and lists bracketed URLs', async () => {
    const h1 = await startV6('h1', []);
    const h2 = await startV6('h2', [h1.clientUrl]);
    const members = await waitFor('two voters over IPv6', async () => {
      const m = await memberList(h1.endpoint).catch(() => undefined);
      return m && m.filter((x) => !x.learner && x.clientUrls !== '').length === 2 ? m : undefined;
    }, 90_000);
    expect(members.map((m) => m.clientUrls).sort()).toEqual([h1.clientUrl, h2.clientUrl].sort());
  }, 120_000);

  it('forms a cluster with DNS names in its URLs and keeps the names', async () => {
    const h1 = await startV6('n1', [], 'localhost');
    const h2 = await startV6('n2', [h1.clientUrl], 'localhost');
    const members = await waitFor('two voters named by URL', async () => {
      const m = await memberList(h1.endpoint).catch(() => undefined);
      return m && m.filter((x) => !x.learner && x.clientUrls !== '').length === 2 ? m : undefined;
    }, 90_000);
    expect(members.map((m) => m.clientUrls).sort()).toEqual([h1.clientUrl, h2.clientUrl].sort());
    const endpoints = await etcdctl(h2.endpoint, 'get', '--prefix', '/_mgmt/endpoints/');
    expect(endpoints).toContain(h1.clientUrl);
    expect(endpoints).toContain(h2.clientUrl);
    expect(await etcdctl(h2.endpoint, 'put', 'named', 'yes')).toContain('OK');
    expect(await etcdctl(h1.endpoint, 'get', 'named', '--print-value-only')).toBe('yes\n');
  }, 120_000);
});
