// A bootstrap host that comes back after the cluster removed it: h1 starts
// the cluster without --seeds, h2-h4 join, h1 is SIGKILLed and replaced by
// the spare. Restarted as it was first started (its data directory, still no
// --seeds), h1 finds it is no longer a member, falls back to the peers its
// data knows, volunteers, and is taken back when there is room.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctlAny, killAll, spawnAgent, startAgent, votersOfAny, type AgentProc } from './process-harness.js';

const procs = new Map<string, AgentProc>();
let tmp: { dir: string; cleanup: () => void };

/** Every agent's etcd API (host:port). */
function endpoints(): string[] {
  return [...procs.values()].map((p) => p.endpoint);
}

beforeAll(() => {
  tmp = tempDir('mgmt-rejoin-');
});

afterAll(async () => {
  await killAll(procs.values());
  tmp.cleanup();
});

// The spare that is still a volunteer when h1 is killed knew only its seed
// h1 until the agents advertised their endpoints once joined (not only once
// running) and it watched them appear; its lease then expired silently (a
// flake in about half the runs, fixed in issue 19).
describe('a removed bootstrap host restarted without seeds', () => {
  it('volunteers again through the peers it knew and is taken back', async () => {
    await killAll(procs.values());
    procs.clear();
    const dir = fs.mkdtempSync(path.join(tmp.dir, 'attempt-'));
    const h1 = await startAgent({ name: 'h1', dir, ideal: 3 });
    procs.set('h1', h1);
    await waitFor('h1 bootstraps', async () => (await votersOfAny(endpoints()))?.length === 1, 60_000);
    for (const name of ['h2', 'h3', 'h4']) procs.set(name, await startAgent({ name, dir, seeds: [h1.clientUrl] }));
    await waitFor('three voters', async () => (await votersOfAny(endpoints()))?.length === 3, 90_000);

    h1.child.kill('SIGKILL');
    await h1.exit;
    await waitFor('h1 replaced', async () => {
      const v = await votersOfAny(endpoints());
      return v !== undefined && v.length === 3 && !v.includes('h1');
    }, 90_000);

    procs.set('h1', spawnAgent(h1));
    await waitFor('h1 volunteers again', async () => (await etcdctlAny(endpoints(), 'get', '/_mgmt/volunteers/h1', '--keys-only').catch(() => '')).includes('h1'), 60_000);
    await etcdctlAny(endpoints(), 'put', '/_mgmt/idealClusterSize', '4');
    expect(await waitFor('h1 taken back', async () => {
      const v = await votersOfAny(endpoints());
      return v?.length === 4 ? v : undefined;
    }, 90_000)).toContain('h1');
  }, 300_000);
});
