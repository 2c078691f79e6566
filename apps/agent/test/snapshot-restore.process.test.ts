// Proves backup and restore end to end with real processes: `etcdctl
// snapshot save` against a follower of a 3-member cluster while a client
// writes; `mgmt snapshot restore` into a new data directory (a new cluster
// id; the old members gone); `mgmt run` starts it as a cluster of one;
// two more agents join it with --seeds until it has 3 voters; and every
// key of the snapshot, at the snapshot's revision, is on every member.
// A truncated or damaged file is refused with the offset, exit code 2,
// and nothing written.
import { Etcd3 } from 'etcd3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { KvStore, decodeSnapshotFile } from '@mgmt/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, mgmt, spawnAgent, startAgent, voterNames, type AgentProc } from './process-harness.js';

const run = promisify(execFile);
const mgmtBin = path.resolve(import.meta.dirname, '../../../node_modules/.bin/mgmt');
let tmp: { dir: string; cleanup: () => void };
const procs: AgentProc[] = [];

beforeAll(() => {
  tmp = tempDir('mgmt-restore-');
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

async function threeVoters(first: AgentProc): Promise<void> {
  await waitFor('three voters', () => voterNames(first.endpoint).then((v) => v?.length === 3), 120_000);
}

describe('snapshot save, restore, grow', () => {
  it('restores every key of a snapshot taken under writes into a new cluster that grows to 3', async () => {
    const h1 = await startAgent({ name: 'h1', dir: tmp.dir, ideal: 3 });
    procs.push(h1);
    await waitFor('h1 serves', () => voterNames(h1.endpoint).then((v) => v?.length === 1), 60_000);
    for (const name of ['h2', 'h3']) procs.push(await startAgent({ name, dir: tmp.dir, seeds: [h1.clientUrl] }));
    await threeVoters(h1);

    const client = new Etcd3({ hosts: procs.map((p) => p.clientUrl) });
    let stop = false;
    let written = 0;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await client.put(`/load/${i % 500}`).value(`v${i}`).catch(() => undefined);
        written++;
      }
    })();
    await waitFor('writes under way', () => written > 200, 60_000);
    const file = path.join(tmp.dir, 'backup.db');
    expect(await etcdctl(procs[1]!.clientUrl, 'snapshot', 'save', file)).toContain('Snapshot saved');
    await waitFor('more writes after the snapshot', () => written > 400, 60_000);
    stop = true;
    await writer;
    client.close();
    await killAll(procs.splice(0));

    const saved = new KvStore();
    saved.restore(decodeSnapshotFile(fs.readFileSync(file)));
    const expected = saved.range({ key: Buffer.from('/load/'), rangeEnd: Buffer.from('/load0') }).kvs;
    expect(expected.length).toBeGreaterThan(100);

    const dataDir = path.join(tmp.dir, 'n1');
    const serverUrl = `http://127.0.0.1:${await freePort()}`;
    const out = await mgmt('snapshot', 'restore', file, '--data-dir', dataDir, '--hostname', 'n1', '--server-urls', serverUrl);
    expect(out).toMatch(/^restored .* cluster [0-9a-f]+, member [0-9a-f]+ \(n1\), revision \d+\n/);
    const clientPort = await freePort();
    const n1 = spawnAgent({
      name: 'n1',
      clientUrl: `http://127.0.0.1:${clientPort}`,
      serverUrl,
      endpoint: `127.0.0.1:${clientPort}`,
      dataDir,
      args: ['run', '--hostname', 'n1', '--client-urls', `http://127.0.0.1:${clientPort}`, '--server-urls', serverUrl, '--data-dir', dataDir],
      logFile: path.join(tmp.dir, 'n1.log'),
    });
    procs.push(n1);
    await waitFor('n1 serves the restored cluster', () => voterNames(n1.endpoint).then((v) => v?.join() === 'n1'), 60_000);
    // Its member list answers before it has elected itself: write once it has a leader.
    await waitFor('n1 takes a write', () => etcdctl(n1.clientUrl, 'put', '/_mgmt/idealClusterSize', '3').then(() => true, () => false), 60_000);
    for (const name of ['n2', 'n3']) procs.push(await startAgent({ name, dir: tmp.dir, seeds: [n1.clientUrl] }));
    await threeVoters(n1);
    for (const p of procs) {
      const got = new Map<string, string>();
      const json = JSON.parse(await etcdctl(p.clientUrl, 'get', '/load/', '--prefix', '-w', 'json', '--consistency=s'));
      for (const kv of json.kvs ?? []) got.set(Buffer.from(kv.key, 'base64').toString(), Buffer.from(kv.value, 'base64').toString());
      for (const kv of expected) expect([p.name, Buffer.from(kv.key!).toString(), got.get(Buffer.from(kv.key!).toString())]).toEqual([p.name, Buffer.from(kv.key!).toString(), Buffer.from(kv.value!).toString()]);
    }
    const status = JSON.parse(await etcdctl(n1.clientUrl, 'endpoint', 'status', '-w', 'json'));
    expect(status[0].Status.header.revision).toBeGreaterThanOrEqual(saved.revision);
  }, 400_000);

  it('refuses a truncated or damaged snapshot with the offset, exit code 2, and writes nothing', async () => {
    const file = path.join(tmp.dir, 'backup.db');
    const bytes = fs.readFileSync(file);
    const truncated = path.join(tmp.dir, 'truncated.db');
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    const damaged = path.join(tmp.dir, 'damaged.db');
    const copy = Buffer.from(bytes);
    copy[5000] = copy[5000]! ^ 0x55;
    fs.writeFileSync(damaged, copy);
    for (const [f, message] of [
      [truncated, `truncated: ${bytes.length - 100} bytes, the header says ${bytes.length} (at byte offset ${bytes.length - 100}); nothing was written`],
      [damaged, 'corrupt data in block 0 (CRC32C mismatch) (at byte offset 24); nothing was written'],
    ] as const) {
      const dataDir = path.join(tmp.dir, `never-${path.basename(f)}`);
      const result = await run(mgmtBin, ['snapshot', 'restore', f, '--data-dir', dataDir, '--hostname', 'x']).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
      expect(result).toEqual({ code: 2, stderr: `mgmt: ${f}: ${message}\n` });
      expect(fs.existsSync(dataDir)).toBe(false);
    }
    expect(fs.readdirSync(tmp.dir).filter((n) => n.includes('.restoring-'))).toEqual([]);
  });
});
