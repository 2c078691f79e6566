// Proves the leader's corruption check over the real etcd API: of three
// members, one that applied the same commands matches, one whose keyspace
// differs at the same revision gets a CORRUPT alarm (seen by `etcdctl alarm
// list`, and writes are refused), and one that has not reached the
// revision yet is skipped, not accused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Alarms, checkCorruption, mismatchedMembers } from '../src/index.js';
import { etcdctl, startHarness, type Harness } from './harness.js';

let members: Harness[] = [];

beforeAll(async () => {
  members = await Promise.all([1, 2, 3, 4].map((id) => startHarness({ backend: { memberId: id } })));
});
afterAll(async () => {
  await Promise.all(members.map((m) => m.stop()));
});

describe('corruption check', () => {
  it('compares hashes only at the same compact revision', () => {
    expect(mismatchedMembers({ hash: 1, compactRevision: 0 }, [{ memberId: 2, hash: 1, compactRevision: 0 }, { memberId: 3, hash: 9, compactRevision: 0 }, { memberId: 4, hash: 9, compactRevision: 5 }])).toEqual([3]);
  });

  it('raises CORRUPT for the member whose keyspace differs, and skips one that is behind', async () => {
    const [leader, same, differs, behind] = members as [Harness, Harness, Harness, Harness];
    for (const m of [leader, same]) {
      await etcdctl(m.endpoint, ['put', 'k1', 'v1']);
      await etcdctl(m.endpoint, ['put', 'k2', 'v2']);
    }
    await etcdctl(differs.endpoint, ['put', 'k1', 'v1']);
    await etcdctl(differs.endpoint, ['put', 'k2', 'other']);
    await etcdctl(behind.endpoint, ['put', 'k1', 'v1']);
    const alarms = new Alarms(leader.backend);
    expect(await checkCorruption(leader.backend, alarms, [same.endpoint, differs.endpoint, behind.endpoint])).toEqual([3]);
    expect((await etcdctl(leader.endpoint, ['alarm', 'list'])).stdout).toBe('memberID:3 alarm:CORRUPT \n');
    expect((await etcdctl(leader.endpoint, ['put', 'k3', 'v3'])).stderr).toContain('etcdserver: corrupt cluster');
  });
});
