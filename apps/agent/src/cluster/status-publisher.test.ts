/**
 * Proves when an agent's status is written: a change of what it says
 * (state, role, leader...) within the publishing interval; a change of its
 * counters alone (commit, applied) at most every refresh interval, and only
 * when the commit index moved by more than the members' own status writes
 * explain, so an idle cluster's members stop refreshing each other; a
 * client's interval, which grows with its fleet; and nothing before the
 * watch's first read says what the store holds of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentStatus } from '../status/agent-status.js';
import { StatusPublisher, fleetStatusIntervalMs } from './status-publisher.js';

const base: AgentStatus = { hostname: 'h1', state: 'peer.running', reason: '', role: 'follower', memberRole: 'voter', memberId: 1, leader: 1, term: 2, commit: 10, applied: 10, nominator: undefined, clientUrls: [], peerUrls: [], activeStates: [] };

describe('StatusPublisher', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function publisher(explained: number) {
    let status = base;
    const writes: AgentStatus[] = [];
    const p = new StatusPublisher({
      hostname: 'h1',
      status: () => status,
      leaseId: () => 7,
      put: async (_key, value) => void writes.push(JSON.parse(value) as AgentStatus),
      intervalMs: 500,
      countersRefreshMs: 5_000,
      explainedWrites: () => explained,
    });
    const publishAfter = (ms: number, next: Partial<AgentStatus>) => {
      vi.advanceTimersByTime(ms);
      status = { ...status, ...next };
      p.schedule();
      vi.advanceTimersByTime(500);
    };
    return { writes, publishAfter };
  }

  it('publishes a change of what the status says within the interval', () => {
    const { writes, publishAfter } = publisher(3);
    publishAfter(0, {});
    publishAfter(0, { role: 'leader' });
    expect(writes.map((w) => w.role)).toEqual(['follower', 'leader']);
  });

  it('does not publish counters moved only by the members status writes (an idle cluster)', () => {
    const { writes, publishAfter } = publisher(3);
    publishAfter(0, {});
    // The three members' status writes (this one's among them) moved the commit index by 3; nothing else happens.
    publishAfter(100, { commit: 13, applied: 13 });
    for (let i = 1; i <= 10; i++) publishAfter(6_000, {});
    expect(writes).toHaveLength(1);
    // One more write (a client's) and the counters are due again.
    publishAfter(100, { commit: 14, applied: 14 });
    expect(writes.map((w) => w.commit)).toEqual([10, 14]);
  });

  it('refreshes the counters at most every refresh interval when the cluster writes', () => {
    const { writes, publishAfter } = publisher(3);
    publishAfter(0, {});
    publishAfter(1_000, { commit: 100, applied: 100 });
    expect(writes).toHaveLength(1);
    publishAfter(5_000, { commit: 200, applied: 200 });
    expect(writes.map((w) => w.commit)).toEqual([10, 200]);
  });
});

describe('StatusPublisher and the stored status', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function restarted(lease: { id: number }) {
    let status = base;
    const writes: AgentStatus[] = [];
    const p = new StatusPublisher({ hostname: 'h1', status: () => status, leaseId: () => lease.id, put: async (_k, v) => void writes.push(JSON.parse(v) as AgentStatus), intervalMs: 500 });
    const change = (next: Partial<AgentStatus>) => {
      status = { ...status, ...next };
      p.schedule();
      vi.advanceTimersByTime(500);
    };
    return { p, writes, change };
  }
  const stored = (s: AgentStatus, lease: number) => ({ key: '/_mgmt/status/h1', value: JSON.stringify(s), lease, createRevision: 3, modRevision: 3 });

  it("writes no status the store holds on this lease already (a previous run's, its lease taken back)", () => {
    const lease = { id: 7 };
    const { p, writes, change } = restarted(lease);
    expect(p.unpublished).toBe(true);
    p.noteStored(stored({ ...base, commit: 4, applied: 4 }, 7));
    expect(p.unpublished).toBe(false);
    change({});
    expect(writes).toHaveLength(0);
    change({ state: 'peer.leaving' });
    expect(writes.map((w) => w.state)).toEqual(['peer.leaving']);
  });

  it('writes it again on a new lease, and follows its own status moved to another lease', () => {
    const lease = { id: 7 };
    const { p, writes, change } = restarted(lease);
    p.noteStored(stored(base, 7));
    lease.id = 8; // moved by AgentLease: the watch has not shown the key on it yet
    expect(p.unpublished).toBe(true);
    p.noteStored(stored(base, 8));
    change({});
    expect(writes).toHaveLength(0);
    lease.id = 9; // the lease was lost: the key went with it
    change({});
    expect(writes).toHaveLength(1);
  });

  it('publishes nothing before the store\'s copy is known: the states of a start that end as stored are never written', () => {
    let status = { ...base, state: 'client.connecting' };
    let known = false;
    const writes: AgentStatus[] = [];
    const p = new StatusPublisher({ hostname: 'h1', status: () => status, leaseId: () => 7, put: async (_k, v) => void writes.push(JSON.parse(v) as AgentStatus), intervalMs: 500, storedKnown: () => known });
    for (const state of ['client.connecting', 'volunteer.registering', 'volunteer.waiting']) {
      status = { ...base, state };
      p.schedule();
      vi.advanceTimersByTime(500);
    }
    expect(writes).toHaveLength(0);
    // The first read shows the previous run's status, the same as this run's now.
    known = true;
    p.noteStored(stored({ ...base, state: 'volunteer.waiting' }, 7));
    p.schedule();
    vi.advanceTimersByTime(500);
    expect(writes).toHaveLength(0);
    status = { ...base, state: 'nominated.starting' };
    p.schedule();
    vi.advanceTimersByTime(500);
    expect(writes.map((w) => w.state)).toEqual(['nominated.starting']);
  });

  it("takes neither another host's value nor garbage for its own, and is not moved by them after writing", () => {
    const lease = { id: 7 };
    const { p, writes, change } = restarted(lease);
    p.noteStored({ ...stored(base, 7), value: '{not json' });
    p.noteStored(stored({ ...base, hostname: 'h2' }, 7));
    expect(p.unpublished).toBe(true);
    change({});
    expect(writes).toHaveLength(1);
    p.noteStored(stored({ ...base, state: 'somebody.else' }, 7));
    change({});
    expect(writes).toHaveLength(1);
  });
});

describe('fleetStatusIntervalMs', () => {
  it('keeps 500 ms for a small fleet and holds a large one to about 100 status writes a second', () => {
    expect(fleetStatusIntervalMs(0)).toBe(500);
    expect(fleetStatusIntervalMs(50)).toBe(500);
    expect(fleetStatusIntervalMs(200)).toBe(2_000);
    expect(fleetStatusIntervalMs(1_000)).toBe(10_000);
    expect(fleetStatusIntervalMs(Number.NaN)).toBe(500);
  });

  it('asks for the interval at each change', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      let interval = 500;
      let status = { ...base, role: 'client' as const };
      const writes: string[] = [];
      const p = new StatusPublisher({ hostname: 'h1', status: () => status, leaseId: () => 7, put: async (_k, v) => void writes.push(v), intervalMs: () => interval });
      p.schedule();
      vi.advanceTimersByTime(500);
      expect(writes).toHaveLength(1);
      interval = 10_000;
      status = { ...status, state: 'volunteer.waiting' };
      p.schedule();
      vi.advanceTimersByTime(9_999);
      expect(writes).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(writes).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
