// Proves that an agent's lease grant can be retried without leaving an
// orphan lease: the agent picks the lease id (etcd lets a client choose it),
// a grant asked again with the same id (its first answer lost to a timeout)
// resolves with that same lease, and the ids it picks are positive and exact
// as JS numbers; an agent that takes back a live lease of a shorter TTL
// than it asked for (a restart in a fleet that grew) renews it at a third
// of that lease's own TTL, so it does not expire; and one whose fleet grew
// to want twice its TTL moves its keys, values untouched, onto a longer
// lease and revokes the old one. A restarted agent takes its remembered
// lease back before anything else, by a renewal (no proposal in the log;
// a failed one keeps the remembered id for the next try), and one whose
// remembered lease ran out is granted a new id. Against a real Raft member serving the etcd API.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AgentLease, clientLeaseId } from '../src/cluster/agent-lease.js';
import { createLogger } from '../src/log.js';
import { ClusterClient } from '../src/cluster/cluster-client.js';
import { startCluster, type TestCluster } from './cluster-harness.js';
import { freePort, waitFor } from './helpers.js';

describe('lease grant with an id the agent picks', () => {
  let cluster: TestCluster;
  let client: ClusterClient;

  beforeAll(async () => {
    cluster = await startCluster(1);
    client = new ClusterClient([cluster.nodes[0]!.clientUrl]);
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  });

  it('grants that id, and a second grant of it resolves with the same lease', async () => {
    const id = clientLeaseId(0.123456789);
    expect(await client.leaseGrant(5, id)).toBe(id);
    expect(await client.leaseGrant(5, id)).toBe(id);
    expect(await client.leaseKeepAlive(id)).toBeGreaterThan(0);
    // Without an id the member picks one (another lease).
    expect(await client.leaseGrant(5)).not.toBe(id);
  });

  it('renews a lease taken back at its own TTL when it is shorter than the one asked for', async () => {
    const id = clientLeaseId(0.55);
    // The previous run's lease: 2 s. This run asks for 30 s with the same id (remembered).
    expect(await client.leaseGrant(2, id)).toBe(id);
    const lost: string[] = [];
    const lease = new AgentLease(client, 30, createLogger('test', 'silent'), () => lost.push('lost'), { load: () => id, save: () => undefined });
    try {
      expect(await lease.ensure()).toBe(id);
      await new Promise((r) => setTimeout(r, 5_000));
      expect(lost).toEqual([]);
      expect(lease.ttl).toBe(2);
      expect(await client.leaseKeepAlive(id)).toBeGreaterThan(0);
    } finally {
      lease.stop();
    }
  }, 20_000);

  it('moves its keys onto a longer lease once the fleet outgrew its own, and revokes the old one', async () => {
    let want = 5;
    const saved: number[] = [];
    const lost: string[] = [];
    const source = { want: () => want, ahead: () => Math.min(30, 2 * want), known: () => Promise.resolve(true) };
    const lease = new AgentLease(client, source, createLogger('test', 'silent'), () => lost.push('lost'), { load: () => 0, save: (id) => saved.push(id) }, 0);
    try {
      const old = await lease.ensure();
      expect(lease.ttl).toBe(5);
      await client.put('/_mgmt/volunteers/m1', 'http://a', old);
      await client.put('/_mgmt/status/m1', '{"s":1}', old);
      // Grown, but not to twice the TTL: it stays.
      want = 9;
      lease.checkTtl();
      await new Promise((r) => setTimeout(r, 200));
      expect(lease.id).toBe(old);
      want = 30;
      lease.checkTtl();
      const deadline = Date.now() + 10_000;
      while ((await client.leaseKeepAlive(old).catch(() => 1)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(lease.id).not.toBe(old);
      expect(lease.ttl).toBe(30);
      expect(saved.at(-1)).toBe(lease.id);
      expect(await client.leaseKeepAlive(old)).toBeLessThanOrEqual(0);
      for (const [key, value] of [['/_mgmt/volunteers/m1', 'http://a'], ['/_mgmt/status/m1', '{"s":1}']]) {
        const kv = await client.get(key!);
        expect(kv).toMatchObject({ value, lease: lease.id });
      }
      expect(lost).toEqual([]);
    } finally {
      lease.stop();
    }
  }, 20_000);

  it('grants a new lease for one that ran out, with at least the TTL it had, without waiting for the fleet to be read', async () => {
    const id = clientLeaseId(0.77);
    // The mirror is never read: a restart does not wait for it.
    const source = { want: () => 5, ahead: () => 5, known: () => new Promise<boolean>(() => undefined) };
    const saved: number[] = [];
    const lease = new AgentLease(client, source, createLogger('test', 'silent'), () => undefined, { load: () => id, save: (s) => saved.push(s), ttl: () => 30 });
    try {
      // The remembered lease is gone (its revocation may still be in the log): another id.
      const granted = await lease.ensure();
      expect(granted).not.toBe(id);
      expect(saved).toEqual([granted]);
      expect(lease.ttl).toBe(30);
      expect(await client.leaseKeepAlive(granted)).toBe(30);
      expect(await client.leaseKeepAlive(id)).toBeLessThanOrEqual(0);
    } finally {
      lease.stop();
    }
  });

  it('takes the remembered lease back at once, and retries the remembered id after a grant no member answered', async () => {
    const id = clientLeaseId(0.31);
    // The previous run's lease, still alive.
    expect(await client.leaseGrant(30, id)).toBe(id);
    const source = { want: () => 5, ahead: () => 5, known: () => Promise.resolve(true) };
    // First with no member to answer: the grant fails, nothing is taken.
    const nowhere = new ClusterClient([`http://127.0.0.1:${await freePort()}`]);
    const failed = new AgentLease(nowhere, source, createLogger('test', 'silent'), () => undefined, { load: () => id, save: () => undefined, ttl: () => 30 });
    await expect(failed.ensure()).rejects.toThrow();
    nowhere.close();
    failed.stop();
    // Then as a restarted agent: takeBack() alone gets the lease back, before any key is written.
    const saved: number[] = [];
    const lease = new AgentLease(client, source, createLogger('test', 'silent'), () => undefined, { load: () => id, save: (s) => saved.push(s), ttl: () => 30 });
    const grants = vi.spyOn(client, 'leaseGrant');
    try {
      lease.takeBack();
      await waitFor('the remembered lease taken back', () => lease.id === id);
      expect(saved).toEqual([id]);
      // By a renewal, answered by the leader: no grant, a proposal in the log.
      expect(grants).not.toHaveBeenCalled();
      // Without a remembered lease it does nothing.
      const fresh = new AgentLease(client, source, createLogger('test', 'silent'), () => undefined, { load: () => 0, save: () => undefined });
      fresh.takeBack();
      await new Promise((r) => setTimeout(r, 200));
      expect(fresh.id).toBe(0);
      fresh.stop();
    } finally {
      grants.mockRestore();
      lease.stop();
    }
  });

  it('picks ids that are positive integers below 2^52 for any random input', () => {
    for (const r of [0, 0.5, 0.999999999999, 1, -3, Number.NaN]) {
      const id = clientLeaseId(r);
      expect(Number.isSafeInteger(id) && id >= 1 && id < 2 ** 52).toBe(true);
    }
  });
});
