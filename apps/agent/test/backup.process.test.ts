// Proves scheduled backups with a real `mgmt run`: with --backup-dir,
// --backup-interval 1s and --backup-keep 2, the leading member writes
// snapshot files that `mgmt snapshot restore` reads, keeps the newest 2,
// and records the last one under /_mgmt/backup/last for the whole cluster.
import fs from 'node:fs';
import path from 'node:path';
import { KvStore, decodeSnapshotFile } from '@mgmt/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, type AgentProc } from './process-harness.js';

let tmp: { dir: string; cleanup: () => void };
const procs: AgentProc[] = [];

beforeAll(() => {
  tmp = tempDir('mgmt-backup-');
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

describe('scheduled backups', () => {
  it('writes restorable backups while leading, keeps the newest N, records the last', async () => {
    const dir = path.join(tmp.dir, 'backups');
    const h1 = await startAgent({ name: 'h1', dir: tmp.dir, extra: ['--backup-dir', dir, '--backup-interval', '1s', '--backup-keep', '2'] });
    procs.push(h1);
    const backups = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.db')).sort() : []);
    const first = await waitFor('a first backup', () => backups()[0], 60_000);
    await waitFor('later backups replace the oldest', () => backups().length === 2 && !backups().includes(first), 60_000);
    expect(backups().length).toBe(2);
    const store = new KvStore();
    store.restore(decodeSnapshotFile(fs.readFileSync(path.join(dir, backups()[1]!))));
    expect(store.range({ key: Buffer.from('/_mgmt/clusterId') }).count).toBe(1);
    const record = JSON.parse(await etcdctl(h1.clientUrl, 'get', '/_mgmt/backup/last', '--print-value-only')) as { host: string; file: string };
    expect(record.host).toBe('h1');
    expect(path.dirname(record.file)).toBe(dir);
  }, 180_000);
});
