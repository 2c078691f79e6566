// Proves a 3-member Raft group of agents running as worker threads in one
// process (the local demo's arrangement) forms, commits writes every member
// applies, and keeps committing after its leader's thread is terminated:
// Raft messages cross threads over MessagePorts (the worker transport) and
// control calls over comlink.
import { createWorkerHub, spawnAgentWorker, type AgentWorkerHandle } from '@mgmt/transport';
import { afterAll, describe, expect, it } from 'vitest';
import type { RaftWorkerControl } from './fixtures/raft-worker.js';
import { tempDir, waitFor } from './helpers.js';

const entry = new URL('./fixtures/raft-worker.ts', import.meta.url);
const hub = createWorkerHub();
const tmp = tempDir('raft-workers-');
const workers: Array<AgentWorkerHandle<RaftWorkerControl>> = [];

afterAll(async () => {
  for (const w of workers) {
    try {
      await w.untilExit(w.control.stop());
    } catch {
      // already terminated (the old leader): its proxy is released
    }
    await w.terminate();
  }
  hub.close();
  tmp.cleanup();
});

describe('a 3-member raft group over worker threads', () => {
  it('forms, replicates and survives losing the leader thread', async () => {
    const ids = [11, 12, 13];
    const first = spawnAgentWorker<RaftWorkerControl>(hub, entry, { memberId: 11, data: { dataDir: `${tmp.dir}/w11`, hostname: 'w11', bootstrap: true, known: [] } });
    workers.push(first);
    await first.control.start();
    await waitFor('first leads', () => first.control.isLeader());
    for (const id of ids.slice(1)) {
      const known = await first.control.members();
      const w = spawnAgentWorker<RaftWorkerControl>(hub, entry, { memberId: id, data: { dataDir: `${tmp.dir}/w${id}`, hostname: `w${id}`, bootstrap: false, known } });
      workers.push(w);
      await w.control.start();
      await first.control.addMember(id, `w${id}`, false);
      const target = await first.control.applied();
      await waitFor(`w${id} catches up`, async () => (await w.control.applied()) >= target);
      await first.control.addMember(id, `w${id}`, true);
    }
    for (let i = 0; i < 30; i++) expect(await workers[i % 3]!.control.put(`k${i}`, `v${i}`)).toBe(true);
    for (const w of workers) await waitFor('applied everywhere', async () => (await w.control.get('k29')) === 'v29');
    expect((await workers[2]!.control.members()).map((m) => m.name)).toEqual(['w11', 'w12', 'w13']);

    await first.terminate();
    const rest = workers.slice(1);
    const leader = await waitFor('a new leader', async () => {
      for (const w of rest) if (await w.control.isLeader()) return w;
      return undefined;
    });
    expect(await leader.control.put('after', 'failover')).toBe(true);
    for (const w of rest) await waitFor('both apply', async () => (await w.control.get('after')) === 'failover');
  }, 60_000);
});
