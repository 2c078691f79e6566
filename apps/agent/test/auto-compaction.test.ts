// Proves the leader compacts history beyond the retention through the log,
// so every member's in-memory store stays bounded, and that the latest
// values survive (only old revisions go).
import { afterAll, describe, expect, it } from 'vitest';
import { RaftBackend } from '../src/etcd/raft-backend.js';
import { silentLogger } from '../src/log.js';
import { startCluster, type TestCluster } from './cluster-harness.js';
import { waitFor } from './helpers.js';

let cluster: TestCluster | undefined;
afterAll(async () => {
  await cluster?.stop();
});

describe('auto-compaction', () => {
  it('compacts old revisions on every member and keeps the latest values', async () => {
    cluster = await startCluster(3);
    const leader = cluster.leader()!;
    const backend = new RaftBackend({ member: leader.member, clusterIdNumber: 1, logger: silentLogger(), autoCompactionRetention: 50, autoCompactionMinAgeMs: 0, autoCompactionIntervalMs: 50 });
    try {
      const enc = new TextEncoder();
      for (let i = 0; i < 200; i++) await backend.propose({ put: { key: enc.encode(`k${i % 10}`), value: enc.encode(`v${i}`) } });
      const revision = leader.member.state.kv.revision;
      for (const n of cluster.nodes) {
        await waitFor('every write and the compaction applied everywhere', () => n.member.state.kv.revision >= revision && n.member.state.kv.compactRevision >= revision - 50 - 5);
        const kv = n.member.state.kv.range({ key: enc.encode('k9') }).kvs[0];
        expect(new TextDecoder().decode(kv?.value)).toBe('v199');
      }
    } finally {
      backend.close();
    }
  }, 60_000);
});
