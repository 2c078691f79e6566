// IPv6 URLs end to end: two `mgmt run` processes on [::1], the second seeded
// with the first's `http://[::1]:port`, form a 2-voter cluster whose member
// list (read with the real etcdctl over IPv6) shows the bracketed URLs.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { killAll, memberList, spawnAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };

beforeAll(() => {
  tmp = tempDir('mgmt-ipv6-');
});

afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

async function startV6(name: string, seeds: string[]): Promise<AgentProc> {
  const clientPort = await freePort();
  const clientUrl = `http://[::1]:${clientPort}`;
  const serverUrl = `http://[::1]:${await freePort()}`;
  const dataDir = path.join(tmp.dir, name);
  const args = ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir, '--ideal-cluster-size', '2'];
  if (seeds.length > 0) args.push('--seeds', seeds.join(','));
  const p = spawnAgent({ name, clientUrl, serverUrl, endpoint: `[::1]:${clientPort}`, dataDir, args, logFile: path.join(tmp.dir, `${name}.log`) });
  procs.push(p);
  return p;
}

describe('IPv6 addresses', () => {
  it('forms a cluster over [::1] and lists bracketed URLs', async () => {
    const h1 = await startV6('h1', []);
    const h2 = await startV6('h2', [h1.clientUrl]);
    const members = await waitFor('two voters over IPv6', async () => {
      const m = await memberList(h1.endpoint).catch(() => undefined);
      return m && m.filter((x) => !x.learner && x.clientUrls !== '').length === 2 ? m : undefined;
    }, 90_000);
    expect(members.map((m) => m.clientUrls).sort()).toEqual([h1.clientUrl, h2.clientUrl].sort());
  }, 120_000);
});
