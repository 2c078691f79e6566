// Proves nothing acknowledged is lost: a real `mgmt run` agent (a cluster
// of one, where etcd once acknowledged before fsync) takes concurrent puts
// from the etcd3 client, is SIGKILLed in the middle of the load, restarts
// from its data directory, and still holds every write it acknowledged.
// Repeated a few times so the kill lands at different moments.
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { killAll, spawnAgent, startAgent, type AgentProc } from './process-harness.js';

let tmp: { dir: string; cleanup: () => void };
const procs: AgentProc[] = [];

beforeAll(() => {
  tmp = tempDir('mgmt-durability-');
});

afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

async function ready(client: Etcd3): Promise<void> {
  await waitFor('the agent serves', async () => {
    try {
      await client.get('/probe');
      return true;
    } catch {
      return false;
    }
  }, 60_000);
}

describe('SIGKILL under load', () => {
  it('loses no acknowledged write across three kills', async () => {
    let agent = await startAgent({ name: 'solo', dir: tmp.dir });
    procs.push(agent);
    const acked = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const client = new Etcd3({ hosts: agent.clientUrl, dialTimeout: 2000 });
      await ready(client);
      let stop = false;
      const writers = Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const key = `/durable/r${round}/w${w}/${i}`;
          try {
            await client.put(key).value(`v${i}`);
            acked.add(key);
          } catch {
            return; // the agent died: this write's outcome is unknown
          }
        }
      });
      await waitFor('some writes acknowledged', () => acked.size > (round + 1) * 200, 60_000);
      agent.child.kill('SIGKILL');
      await agent.exit;
      stop = true;
      await Promise.all(writers);
      client.close();

      agent = spawnAgent(agent);
      procs.push(agent);
      const check = new Etcd3({ hosts: agent.clientUrl, dialTimeout: 2000 });
      await ready(check);
      const stored = new Set(await check.getAll().prefix('/durable/').keys());
      const lost = [...acked].filter((k) => !stored.has(k));
      expect(lost, `round ${round}: ${lost.length} acknowledged writes lost`).toEqual([]);
      check.close();
    }
    expect(acked.size).toBeGreaterThan(600);
  }, 240_000);
});
