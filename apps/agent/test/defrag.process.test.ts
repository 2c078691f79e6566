// Proves `etcdctl defrag` does what an etcd user expects of it on a real
// `mgmt run` agent: after 2.4 MB of values are written, deleted and
// compacted away, defrag shrinks the data directory (etcdctl endpoint
// status: DbSize before and after; the files themselves: one WAL segment
// and one snapshot left), and nothing is lost: every kept key, and a write
// made after the defrag, is there after a SIGKILL and a restart, the
// deleted keys stay deleted, and compacted revisions stay compacted.
import { Etcd3 } from 'etcd3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, spawnAgent, startAgent, type AgentProc } from './process-harness.js';

let tmp: { dir: string; cleanup: () => void };
const procs: AgentProc[] = [];

beforeAll(() => {
  tmp = tempDir('mgmt-defrag-');
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

/** Bytes of the files under `dir`, recursively. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? bytesUnder(p) : fs.statSync(p).size;
  }
  return total;
}

/** etcdctl endpoint status of one endpoint: sizes and revision. */
async function status(url: string): Promise<{ dbSize: number; dbSizeInUse: number; revision: number }> {
  const s = (JSON.parse(await etcdctl(url, 'endpoint', 'status', '-w', 'json')) as Array<{ Status: { dbSize: number; dbSizeInUse: number; header: { revision: number } } }>)[0]!.Status;
  return { dbSize: s.dbSize, dbSizeInUse: s.dbSizeInUse, revision: s.header.revision };
}

async function ready(client: Etcd3): Promise<void> {
  await waitFor('the agent serves', () => client.get('/probe').then(() => true, () => false), 60_000);
}

describe('etcdctl defrag on one agent', () => {
  it('shrinks the data directory after deletes and a compaction, and loses nothing across a restart', async () => {
    let agent = await startAgent({ name: 'solo', dir: tmp.dir });
    procs.push(agent);
    const walDir = path.join(agent.dataDir, 'wal');
    const client = new Etcd3({ hosts: agent.clientUrl, dialTimeout: 2000 });
    await ready(client);
    const big = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 300; i += 20) await Promise.all(Array.from({ length: 20 }, (_, k) => client.put(`/big/${i + k}`).value(big)));
    for (let i = 0; i < 20; i++) await client.put(`/keep/${i}`).value(`kept-${i}`);
    await client.delete().prefix('/big/');
    const { revision } = await status(agent.clientUrl);
    expect(await etcdctl(agent.clientUrl, 'compact', String(revision), '--physical')).toBe(`compacted revision ${revision}\n`);

    const before = await status(agent.clientUrl);
    const filesBefore = bytesUnder(walDir);
    expect(before.dbSize).toBeGreaterThan(300 * big.length); // the log still holds every value written
    expect(await etcdctl(agent.clientUrl, 'defrag')).toBe(`Finished defragmenting etcd member[${agent.clientUrl}]\n`);
    const after = await status(agent.clientUrl);
    const filesAfter = bytesUnder(walDir);
    console.log(`defrag: DbSize ${before.dbSize} -> ${after.dbSize} bytes (in use ${before.dbSizeInUse} -> ${after.dbSizeInUse}); files ${filesBefore} -> ${filesAfter}`);
    expect(after.dbSize).toBeLessThan(before.dbSize / 10);
    expect(filesAfter).toBeLessThan(filesBefore / 10);
    expect(after.dbSizeInUse).toBeGreaterThan(0);
    expect(after.dbSizeInUse).toBeLessThanOrEqual(after.dbSize);
    expect(fs.readdirSync(path.join(walDir, 'snap')).filter((n) => n.endsWith('.snap')).length).toBe(1);
    expect(fs.readdirSync(path.join(walDir, 'wal')).filter((n) => n.endsWith('.wal')).length).toBe(1);
    await client.put('/after-defrag').value('still-written');
    client.close();

    agent.child.kill('SIGKILL');
    await agent.exit;
    agent = spawnAgent(agent);
    procs.push(agent);
    const check = new Etcd3({ hosts: agent.clientUrl, dialTimeout: 2000 });
    await ready(check);
    try {
      expect(await check.getAll().prefix('/keep/').strings()).toEqual(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/keep/${i}`, `kept-${i}`])));
      expect(await check.get('/after-defrag').string()).toBe('still-written');
      expect(await check.getAll().prefix('/big/').count()).toBe(0);
      const old = await etcdctl(agent.clientUrl, 'get', '/big/0', '--rev', String(revision - 1)).then(() => 'served', (err: Error) => err.message);
      expect(old).toContain('required revision has been compacted');
      expect((await status(agent.clientUrl)).revision).toBeGreaterThan(revision);
    } finally {
      check.close();
    }
  }, 180_000);
});
