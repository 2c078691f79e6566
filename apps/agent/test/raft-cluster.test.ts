// Proves a 3-member Raft group of real members (durable log on disk, a real
// transport: direct TCP, or NATS through a real nats-server; the store as
// state machine) forms by adding
// learners and promoting them, commits writes that every member applies
// identically, survives losing its leader, and recovers a member's state
// from its data directory after a restart.
import { ConfChangeType } from '@mgmt/raft';
import { startNatsServer } from '@mgmt/transport/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeMemberAttributes } from '../src/cluster/members.js';
import { silentLogger } from '../src/log.js';
import { Member } from '../src/raft/member.js';
import { Proposer } from '../src/raft/proposer.js';
import { freePort, tempDir, waitFor } from './helpers.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Spec {
  id: number;
  name: string;
  url: string;
  dir: string;
}

describe.each([
  ['tcp', async () => ({ url: async () => `tcp://127.0.0.1:${await freePort()}`, stop: async () => {} })],
  [
    'nats',
    async () => {
      const nats = await startNatsServer();
      return { url: async () => nats.url, stop: () => nats.dispose() };
    },
  ],
] as const)('a 3-member raft group over %s', (_kind, carrier) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function open(spec: Spec, bootstrap: boolean, known: Member | undefined): Promise<Member> {
    const m = await Member.open({
      dataDir: spec.dir,
      hostname: spec.name,
      memberId: spec.id,
      clusterId: 'c1',
      peerUrls: [spec.url],
      bootstrap,
      knownMembers: known?.state.members.list(),
      logger: silentLogger(),
      tickMs: 10,
    });
    cleanups.push(() => m.stop());
    return m;
  }

  async function put(m: Member, key: string, value: string) {
    const r = await new Proposer(m.raft, m.state).propose({ put: { key: enc.encode(key), value: enc.encode(value) } });
    expect(r.ok).toBe(true);
  }

  function get(m: Member, key: string): string | undefined {
    const kv = m.state.kv.range({ key: enc.encode(key) }).kvs[0];
    return kv ? dec.decode(kv.value) : undefined;
  }

  it('forms, replicates, fails over and recovers', async () => {
    const tmp = tempDir('raft-cluster-');
    cleanups.push(tmp.cleanup);
    const c = await carrier();
    cleanups.push(c.stop);
    const specs: Spec[] = [];
    for (let i = 1; i <= 3; i++) specs.push({ id: i * 1000 + 7, name: `h${i}`, url: await c.url(), dir: `${tmp.dir}/h${i}` });
    const [s1, s2, s3] = specs as [Spec, Spec, Spec];

    const m1 = await open(s1, true, undefined);
    await waitFor('m1 leads', () => m1.raft.isLeader);
    await put(m1, 'a', '1');

    const members = [m1];
    for (const s of [s2, s3]) {
      const m = await open(s, false, m1);
      members.push(m);
      const attrs = encodeMemberAttributes({ name: s.name, peerUrls: [s.url] });
      await m1.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: s.id, context: attrs });
      await waitFor(`${s.name} catches up`, () => m.raft.appliedIndex >= m1.raft.appliedIndex);
      await m1.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: s.id, context: attrs });
    }
    expect(m1.raft.conf.voters.sort()).toEqual([s1.id, s2.id, s3.id].sort());
    for (let i = 0; i < 50; i++) await put(members[i % 3]!, `k${i}`, `v${i}`);
    await waitFor('all apply', () => members.every((m) => m.raft.appliedIndex === m1.raft.appliedIndex));
    for (const m of members) {
      expect(get(m, 'a')).toBe('1');
      expect(get(m, 'k49')).toBe('v49');
      expect(m.state.members.list().map((x) => x.name)).toEqual(['h1', 'h2', 'h3']);
    }

    // Lose the leader: the other two elect one and keep committing.
    await m1.stop();
    const rest = members.slice(1);
    const leader = await waitFor('a new leader', () => rest.find((m) => m.raft.isLeader));
    await put(leader, 'after', 'failover');
    await waitFor('both apply', () => rest.every((m) => get(m, 'after') === 'failover'));

    // Restart the old leader from its data directory: it recovers and catches up.
    const again = await open(s1, false, leader);
    await waitFor('restarted member catches up', () => get(again, 'after') === 'failover');
    expect(get(again, 'k0')).toBe('v0');
  });
});
