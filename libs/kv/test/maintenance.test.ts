// Proves the Maintenance service with the real etcdctl 3.4: `snapshot
// save` (streamed, in a file that ends with etcd's SHA-256 trailer, whose
// store restores to the same keys; two at once are both served), `endpoint
// hashkv` (equal on two members that applied the same commands), NOSPACE
// from the quota (writes refused with etcd's error, `alarm list` shows it,
// deletes and compaction still pass, `alarm disarm` lifts it), CORRUPT
// raised through the Alarm RPC refusing writes, and a truncated or damaged
// snapshot file refused with the offset of the fault.
import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvStore, MaintenanceService } from '../src/index.js';
import { decodeSnapshotFile, SnapshotFileError } from '../src/snapshot-file.js';
import { etcdctl, startHarness, type Harness } from './harness.js';

let h: Harness;
let dir: string;
const ctl = (...args: string[]) => etcdctl(`http://${h.endpoint}`, args);

beforeAll(async () => {
  h = await startHarness({ backend: { memberId: 4242 }, server: { quotaBackendBytes: 64 * 1024 } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-maintenance-'));
});
afterAll(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('etcdctl snapshot save', () => {
  it('saves a checked snapshot whose store has every key; two at once are both served', async () => {
    for (let i = 0; i < 50; i++) expect((await ctl('put', `snap/${i}`, `value-${i}`)).stdout).toBe('OK\n');
    const files = [path.join(dir, 'a.db'), path.join(dir, 'b.db')];
    const saved = await Promise.all(files.map((f) => ctl('snapshot', 'save', f)));
    for (const s of saved) expect(s.stdout).toMatch(/^Snapshot saved at /);
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      expect(bytes.length % 512).toBe(32); // etcd's "has a hash" rule
      expect(createHash('sha256').update(bytes.subarray(0, -32)).digest()).toEqual(bytes.subarray(-32));
      const store = new KvStore();
      store.restore(decodeSnapshotFile(bytes));
      expect(store.revision).toBe(h.backend.store.revision);
      expect(store.range({ key: Buffer.from('snap/'), rangeEnd: Buffer.from('snap0') }).count).toBe(50);
    }
  });

  it('refuses a truncated or damaged file with the offset of the fault', () => {
    const bytes = fs.readFileSync(path.join(dir, 'a.db'));
    expect(() => decodeSnapshotFile(bytes.subarray(0, 300))).toThrow(new SnapshotFileError(`truncated: 300 bytes, the header says ${bytes.length}`, 300));
    const damaged = Buffer.from(bytes);
    damaged[100] = damaged[100]! ^ 0xff;
    expect(() => decodeSnapshotFile(damaged)).toThrow(/corrupt data in block 0 \(CRC32C mismatch\) \(at byte offset 24\)/);
    const trailer = Buffer.from(bytes);
    trailer[trailer.length - 1] = trailer[trailer.length - 1]! ^ 1;
    expect(() => decodeSnapshotFile(trailer)).toThrow(`SHA-256 mismatch (at byte offset ${bytes.length - 32})`);
  });
});

describe('endpoint hashkv', () => {
  it('is equal on two members that applied the same commands', async () => {
    const members = [await startHarness(), await startHarness()];
    try {
      const [one, two] = members.map((m) => (...args: string[]) => etcdctl(m.endpoint, args));
      const hashOf = async (run: typeof one) => JSON.parse((await run!('endpoint', 'hashkv', '-w', 'json')).stdout)[0].HashKV.hash as number;
      for (const run of [one!, two!]) {
        await run('put', 'k1', 'v1');
        await run('put', 'k2', 'v2');
        await run('del', 'k1');
      }
      expect(await hashOf(one)).toBe(await hashOf(two));
      await two!('put', 'k3', 'v3');
      expect(await hashOf(one)).not.toBe(await hashOf(two));
    } finally {
      for (const m of members) await m.stop();
    }
  });
});

describe('alarms', () => {
  it('raises NOSPACE past the quota, refuses writes until space is freed and the alarm disarmed', async () => {
    const big = 'x'.repeat(4096);
    let refused = '';
    for (let i = 0; i < 40 && !refused; i++) {
      const r = await ctl('put', `big/${i}`, big);
      if (r.code !== 0) refused = r.stderr;
    }
    expect(refused).toContain('etcdserver: mvcc: database space exceeded');
    expect((await ctl('alarm', 'list')).stdout).toBe('memberID:4242 alarm:NOSPACE \n');
    const status = JSON.parse((await ctl('endpoint', 'status', '-w', 'json')).stdout);
    expect(status[0].Status.errors).toEqual(['memberID:4242 alarm:NOSPACE ']);
    expect((await ctl('put', 'small', 'x')).stderr).toContain('database space exceeded');
    expect((await ctl('lease', 'grant', '100')).stderr).toContain('database space exceeded');
    expect((await ctl('del', 'big/', '--prefix')).code).toBe(0);
    const rev = h.backend.store.revision;
    expect((await ctl('compact', String(rev))).stdout).toBe(`compacted revision ${rev}\n`);
    expect((await ctl('defrag')).stdout).toMatch(/^Finished defragmenting etcd member/);
    expect((await ctl('put', 'small', 'x')).stderr).toContain('database space exceeded');
    expect((await ctl('alarm', 'disarm')).stdout).toBe('memberID:4242 alarm:NOSPACE \n');
    expect((await ctl('alarm', 'list')).stdout).toBe('');
    expect((await ctl('put', 'small', 'x')).stdout).toBe('OK\n');
  });

  it('refuses every write while CORRUPT is raised', async () => {
    type AlarmClient = Client & { Alarm(req: object, cb: (e: Error | null, res?: { alarms: unknown[] }) => void): void };
    const Ctor = makeGenericClientConstructor({ Alarm: MaintenanceService.Alarm }, 'Maintenance');
    const client = new Ctor(h.endpoint, credentials.createInsecure()) as unknown as AlarmClient;
    const alarm = (action: number) => new Promise<unknown>((resolve, reject) => client.Alarm({ action, memberID: 7, alarm: 2 }, (e, res) => (e ? reject(e) : resolve(res!.alarms))));
    try {
      expect(await alarm(1)).toEqual([{ memberID: 7, alarm: 2 }]);
      expect((await ctl('alarm', 'list')).stdout).toBe('memberID:7 alarm:CORRUPT \n');
      expect((await ctl('put', 'k', 'v')).stderr).toContain('etcdserver: corrupt cluster');
      expect((await ctl('del', 'k')).stderr).toContain('etcdserver: corrupt cluster');
      expect(await alarm(2)).toEqual([{ memberID: 7, alarm: 2 }]);
      expect((await ctl('put', 'k', 'v')).stdout).toBe('OK\n');
    } finally {
      client.close();
    }
  });
});
