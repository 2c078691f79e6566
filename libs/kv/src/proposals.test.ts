// Proves PendingProposals matches applied results to waiters by id, ignores
// other members' ids, fails waiters on request, and is bounded.
import { describe, expect, it } from 'vitest';
import { Errors } from './errors.js';
import { PendingProposals } from './proposals.js';

describe('PendingProposals', () => {
  it('resolves by id and ignores unknown ids', async () => {
    const pending = new PendingProposals(100);
    const a = pending.register();
    const b = pending.register();
    expect([a.id, b.id]).toEqual([100, 101]);
    expect(pending.resolve(999, { ok: true, revision: 1, response: {} })).toBe(false);
    expect(pending.resolve(b.id, { ok: true, revision: 7, response: {} })).toBe(true);
    expect((await b.result).revision).toBe(7);
    pending.rejectAll(Errors.leaderChanged());
    await expect(a.result).rejects.toThrow('etcdserver: leader changed');
    expect(pending.size).toBe(0);
  });

  it('refuses past its bound with too many requests', () => {
    const pending = new PendingProposals(1, 2);
    pending.register();
    pending.register();
    expect(() => pending.register()).toThrow('etcdserver: too many requests');
  });
});
