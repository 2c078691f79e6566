// Proves the reference article's example with real `mgmt run` processes on
// loopback and the real etcdctl: h1 bootstraps with --ideal-cluster-size 3,
// h2-h4 join with --seeds; the cluster forms with 3 voters; raising the
// ideal size makes all 4 members, shrinking to 1 and growing back to 4
// re-uses the same hosts in the same processes (no "address already in
// use"); a SIGKILLed member is replaced by the spare volunteer; the killed
// host restarted with its data directory comes back; Ctrl-C (SIGINT) leaves
// cleanly with exit code 0; `mgmt status` says where each host is and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, mgmt, spawnAgent, startAgent, votersOfAny, type AgentProc } from './process-harness.js';

const procs = new Map<string, AgentProc>();
let tmp: { dir: string; cleanup: () => void };

/** Every client endpoint, so etcdctl finds whichever members are serving. */
function all(): string {
  return [...procs.values()].map((p) => p.endpoint).join(',');
}

async function waitVoters(count: number, what: string): Promise<string[]> {
  return waitFor(what, async () => {
    const v = await votersOfAny([...procs.values()].map((p) => p.endpoint));
    return v && v.length === count ? v : undefined;
  }, 90_000);
}

async function setIdeal(size: number): Promise<void> {
  await waitFor(`idealClusterSize ${size} written`, async () => {
    for (const p of procs.values()) {
      try {
        await etcdctl(p.endpoint, 'put', '/_mgmt/idealClusterSize', String(size));
        return true;
      } catch {
        // not serving: try the next host
      }
    }
    return false;
  });
}

beforeAll(() => {
  tmp = tempDir('mgmt-clustering-');
});

afterAll(async () => {
  await killAll(procs.values());
  tmp.cleanup();
});

describe('the reference example, as real processes', () => {
  it('forms a 3-member cluster from h1 and three seeded hosts', async () => {
    const h1 = await startAgent({ name: 'h1', dir: tmp.dir, ideal: 3 });
    procs.set('h1', h1);
    await waitVoters(1, 'h1 bootstraps');
    for (const name of ['h2', 'h3', 'h4']) procs.set(name, await startAgent({ name, dir: tmp.dir, seeds: [h1.clientUrl] }));
    const v = await waitVoters(3, 'three voters');
    expect(v).toHaveLength(3);
    expect(await etcdctl(h1.endpoint, 'get', '/_mgmt/idealClusterSize', '--print-value-only')).toBe('3\n');

    // `mgmt status` explains every host: three peers and a waiting volunteer.
    const status = await waitFor('status of all four hosts', async () => {
      const out = await mgmt('status', '--endpoints', h1.clientUrl);
      return out.includes('volunteer: waiting, cluster full 3/3') && (out.match(/peer\.running/g) ?? []).length === 3 ? out : undefined;
    }, 30_000);
    expect(status.split("\n")[0]).toMatch(/^HOST\s+STATE\s+ROLE\s+ZONE\s+MEMBER\s+CONVERGED\s+ENDPOINT\s+WHY/);
  }, 120_000);

  it('grows to every host when idealClusterSize is raised to 5', async () => {
    await setIdeal(5);
    expect(await waitVoters(4, 'four voters')).toEqual(['h1', 'h2', 'h3', 'h4']);
  }, 120_000);

  it('shrinks to 1 and grows back to 4 with the same hosts', async () => {
    await setIdeal(1);
    expect(await waitVoters(1, 'one voter')).toHaveLength(1);
    await setIdeal(4);
    expect(await waitVoters(4, 'four voters again')).toEqual(['h1', 'h2', 'h3', 'h4']);
  }, 180_000);

  it('replaces a SIGKILLed member with the spare volunteer, and takes the host back after a restart', async () => {
    await setIdeal(3);
    const three = await waitVoters(3, 'three voters');
    const spare = ['h1', 'h2', 'h3', 'h4'].find((n) => !three.includes(n))!;
    const victim = three.find((n) => n !== 'h1')!;
    const proc = procs.get(victim)!;
    proc.child.kill('SIGKILL');
    await proc.exit;
    const after = await waitFor('the spare replaces the dead member', async () => {
      const v = await votersOfAny([...procs.values()].map((p) => p.endpoint));
      return v && v.length === 3 && v.includes(spare) && !v.includes(victim) ? v : undefined;
    }, 90_000);
    expect(after).toContain(spare);

    // The killed host comes back with its data directory and volunteers again.
    procs.set(victim, spawnAgent(proc));
    await setIdeal(4);
    expect(await waitVoters(4, 'the restarted host rejoins')).toContain(victim);
  }, 240_000);

  it('leaves cleanly on Ctrl-C (SIGINT) and exits 0', async () => {
    const leaver = procs.get('h4')!;
    leaver.child.kill('SIGINT');
    expect(await leaver.exit).toBe(0);
    procs.delete('h4');
    const v = await waitVoters(3, 'three voters without h4');
    expect(v).not.toContain('h4');
    expect(await etcdctl(all(), 'get', '--prefix', '/_mgmt/volunteers/h4', '--keys-only')).toBe('');
  }, 120_000);
});
