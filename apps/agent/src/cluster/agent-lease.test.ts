/**
 * Proves how a restarted agent takes its remembered lease back: by
 * renewals, asked again when a busy member answers none in time, and never
 * by a grant while the lease may still be alive (a grant is a proposal in
 * the queue the renewals wait in); a lease that is gone gets a new id.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { AgentLease } from './agent-lease.js';
import type { ClusterClient } from './cluster-client.js';

/** A client whose one keep-alive stream answers renewal number `answerFrom` on, with `ttl`. */
function slowMember(answerFrom: number, ttl: number) {
  const renewals: number[] = [];
  const grants: number[] = [];
  const handlers = new Map<string, (x: unknown) => void>();
  const call = {
    on: (event: string, fn: (x: unknown) => void) => handlers.set(event, fn),
    write: (req: { ID: number }) => {
      renewals.push(req.ID);
      if (renewals.length >= answerFrom) setTimeout(() => handlers.get('data')?.({ ID: req.ID, TTL: ttl }), 5);
    },
    cancel: () => undefined,
  };
  const client = {
    endpoint: 'http://m1',
    endpointList: ['http://m1'],
    openStream: () => ({ url: 'http://m1', call }),
    failOver: () => undefined,
    leaseGrant: async (_ttl: number, id: number) => {
      grants.push(id);
      return id;
    },
  } as unknown as ClusterClient;
  return { client, renewals, grants };
}

describe('AgentLease taking its remembered lease back', () => {
  it('asks again when a renewal is not answered in time, and takes the lease with its own TTL', async () => {
    // 2 s leases: a renewal times out after 667 ms, and the take-back asks for 1 s.
    const { client, renewals, grants } = slowMember(2, 2);
    const lease = new AgentLease(client, 2, createLogger('test', 'silent'), () => undefined, { load: () => 42, save: () => undefined });
    try {
      expect(await lease.ensure()).toBe(42);
      expect(renewals.slice(0, 2)).toEqual([42, 42]);
      expect(grants).toEqual([]);
      expect(lease.ttl).toBe(2);
    } finally {
      lease.stop();
    }
  });

  it('grants a new id for a lease the member says is gone', async () => {
    const { client, grants } = slowMember(1, 0);
    const lease = new AgentLease(client, 5, createLogger('test', 'silent'), () => undefined, { load: () => 42, save: () => undefined });
    try {
      const id = await lease.ensure();
      expect(id).not.toBe(42);
      expect(grants).toEqual([id]);
    } finally {
      lease.stop();
    }
  });
});
