// Proves the leader forwarder's keep-alives against a real etcd API server
// (LocalBackend, loopback, free port): many renewals of several leases share
// one stream and each gets its own answer (a lease's TTL; etcd's
// lease-not-found for a lease that is gone); a renewal waits for its turn
// past the timeout while the leader answers the ones before it; when the server goes away the
// renewals waiting fail with "no leader", and the next renewal opens a new
// stream on a server that answers again.
import { createEtcdServer, LocalBackend, type EtcdServer } from '@mgmt/kv';
import { afterEach, describe, expect, it } from 'vitest';
import { LeaderForwarder } from './leader-forwarder.js';

const started: Array<{ backend: LocalBackend; server: EtcdServer }> = [];

async function serve(port = 0): Promise<{ url: string; backend: LocalBackend; server: EtcdServer; port: number }> {
  const backend = new LocalBackend({ name: 'leader' });
  const server = createEtcdServer(backend, { logError: () => {} });
  const bound = await server.listen(`127.0.0.1:${port}`);
  started.push({ backend, server });
  return { url: `http://127.0.0.1:${bound}`, backend, server, port: bound };
}

async function grant(backend: LocalBackend, id: number, ttl: number): Promise<void> {
  const r = await backend.propose({ leaseGrant: { ID: id, TTL: ttl } });
  expect(r.ok).toBe(true);
}

afterEach(async () => {
  for (const s of started.splice(0)) {
    s.backend.close();
    await s.server.close();
  }
});

describe('LeaderForwarder keep-alives', () => {
  it('renews many leases over one stream, each renewal answered with its own lease', async () => {
    const { url, backend } = await serve();
    await grant(backend, 11, 7);
    await grant(backend, 12, 9);
    const f = new LeaderForwarder();
    try {
      const renewals = Array.from({ length: 300 }, (_, i) => f.keepAlive(url, i % 2 === 0 ? 11 : 12));
      const ttls = await Promise.all(renewals);
      expect(ttls.every((ttl, i) => ttl === (i % 2 === 0 ? 7 : 9))).toBe(true);
      await expect(f.keepAlive(url, 99)).rejects.toThrow(/requested lease not found/);
      // The stream goes on after a refusal.
      await expect(f.keepAlive(url, 11)).resolves.toBe(7);
    } finally {
      f.close();
    }
  });

  it('keeps renewals waiting for their turn while the leader answers others, past the 3 s timeout', async () => {
    const { url, backend } = await serve();
    await grant(backend, 31, 8);
    // A busy leader: each renewal takes 1.2 s, one after another on the stream.
    const renew = backend.leaseKeepAlive.bind(backend);
    backend.leaseKeepAlive = async (id: number) => {
      await new Promise((r) => setTimeout(r, 1_200));
      return renew(id);
    };
    const f = new LeaderForwarder();
    try {
      // The fourth is answered after 4.8 s: it waited while the three before it were answered.
      expect(await Promise.all([31, 31, 31, 31].map((id) => f.keepAlive(url, id)))).toEqual([8, 8, 8, 8]);
    } finally {
      f.close();
    }
  }, 15_000);

  it('fails the renewals waiting when the leader goes away, and opens a new stream for the next', async () => {
    const first = await serve();
    await grant(first.backend, 21, 5);
    const f = new LeaderForwarder();
    try {
      await expect(f.keepAlive(first.url, 21)).resolves.toBe(5);
      first.backend.close();
      await first.server.close();
      started.splice(0);
      await expect(f.keepAlive(first.url, 21)).rejects.toThrow();
      const again = await serve(first.port);
      await grant(again.backend, 21, 6);
      // The channel reconnects after its back-off; renewals meanwhile fail and are retried, as an agent does.
      let ttl: number | undefined;
      for (let i = 0; i < 100 && ttl === undefined; i++) ttl = await f.keepAlive(first.url, 21).catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 100)));
      expect(ttl).toBe(6);
    } finally {
      f.close();
    }
  });
});
