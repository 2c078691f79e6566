// Proves scheduled backups with a real `mgmt run`: with --backup-dir,
// --backup-interval 1s and --backup-keep 2, the leading member writes
// snapshot files that `mgmt snapshot restore` reads, keeps the newest 2,
// and records the last one under /_mgmt/backup/last for the whole cluster.
// In a 3-member cluster (each agent with its own backup directory) exactly
// one member writes: the leader; SIGKILL it and the new leader takes the
// schedule over.
import fs from 'node:fs';
import path from 'node:path';
import { KvStore, decodeSnapshotFile } from '@mgmt/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, startThreeMembers, type AgentProc } from './process-harness.js';

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

describe('scheduled backups in a 3-member cluster', () => {
  const backupsOf = (p: AgentProc) => {
    const dir = path.join(tmp.dir, `backups-${p.name}`);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.db')) : [];
  };
  /** The agent whose member leads, as the members' own status says (all answering agree). */
  const leaderOf = async (agents: AgentProc[]): Promise<AgentProc | undefined> => {
    try {
      const out = JSON.parse(await etcdctl(agents.map((p) => p.clientUrl).join(','), 'endpoint', 'status', '-w', 'json')) as Array<{ Endpoint: string; Status: { leader: number; header: { member_id: number } } }>;
      const leaders = new Set(out.map((s) => s.Status.leader));
      const self = out.find((s) => s.Status.header.member_id === s.Status.leader);
      return leaders.size === 1 && self ? agents.find((p) => p.clientUrl === self.Endpoint) : undefined;
    } catch {
      return undefined;
    }
  };
  const lastRecord = async (p: AgentProc) => JSON.parse(await etcdctl(p.clientUrl, 'get', BACKUP_RECORD, '--print-value-only')) as { host: string };
  const BACKUP_RECORD = '/_mgmt/backup/last';

  it('is written by the leader alone, and another member takes the schedule over when it is killed', async () => {
    const flags = (name: string) => ['--backup-dir', path.join(tmp.dir, `backups-${name}`), '--backup-interval', '1s', '--backup-keep', '100'];
    const cluster = await startThreeMembers(tmp.dir, ['c1', 'c2', 'c3'], procs, flags);

    // A window in which the leader stayed the same: only its directory gains
    // files. (An election in between, under load, proves nothing either
    // way: the window is taken again, at most three times.)
    let leader: AgentProc | undefined;
    for (let attempt = 0; attempt < 3 && !leader; attempt++) {
      const candidate = await waitFor('a leader', () => leaderOf(cluster), 30_000);
      const before = new Map(cluster.map((p) => [p.name, new Set(backupsOf(p))]));
      const gained = (p: AgentProc) => backupsOf(p).filter((n) => !before.get(p.name)!.has(n));
      await waitFor('the leader writes three more backups', () => gained(candidate).length >= 3, 60_000);
      if ((await leaderOf(cluster))?.name !== candidate.name) continue;
      for (const p of cluster) if (p !== candidate) expect([p.name, gained(p)]).toEqual([p.name, []]);
      leader = candidate;
    }
    if (!leader) throw new Error('the leader changed during each of three windows');
    expect((await lastRecord(leader)).host).toBe(leader.name);

    leader.child.kill('SIGKILL');
    await leader.exit;
    const rest = cluster.filter((p) => p !== leader);
    const next = await waitFor('a new leader', () => leaderOf(rest), 60_000);
    const beforeFailover = new Set(backupsOf(next));
    await waitFor('the new leader writes backups', () => backupsOf(next).filter((n) => !beforeFailover.has(n)).length >= 2, 60_000);
    await waitFor('the record names the new leader', async () => (await lastRecord(next).catch(() => undefined))?.host === next.name, 30_000);
  }, 300_000);
});
