// Proves when an agent observes: batches that change a prompt key are
// observed once, together, soon after; other hosts' statuses trigger
// nothing; a host without a member hands its graph export changes in
// batches; the tick's full observation and graph hand-over are skipped
// while nothing they read changed (a peer's own member among it), and the
// graph's is not skipped while an export write waits (nor by a peer).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ObservationSchedule, memberInputs, type LocalMemberInputs } from './observation-schedule.js';

function schedule(o: { peer?: boolean } = {}) {
  const calls: string[] = [];
  const state = { peer: o.peer ?? false, local: 'a', settled: true };
  const s = new ObservationSchedule({
    hostname: 'h1',
    isPeer: () => state.peer,
    graph: () => ({ settled: state.settled }),
    localInputs: () => state.local,
    observe: () => calls.push('observe'),
    observeGraph: () => calls.push('graph'),
  });
  return { s, calls, state };
}

describe('ObservationSchedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('observes batches that change a prompt key once, soon; other statuses not at all; exports in batches', async () => {
    const { s, calls } = schedule();
    s.onChanged(['/_mgmt/nominated/h1']);
    s.onChanged(['/_mgmt/idealClusterSize']);
    s.onChanged(['/_mgmt/status/f0001', '/_mgmt/volunteers/f0002']);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toEqual(['observe', 'graph']);
    s.onChanged(['/_mgmt/status/f0001']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    s.onChanged(['/_mgmt/exported/f0001/file/x']);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(['observe', 'graph', 'graph']);
    s.stop();
  });

  it('skips the tick observation of a host without a member while nothing it reads changed', () => {
    const { s, state } = schedule();
    expect(s.observationDue()).toBe(true);
    s.observed(true);
    expect(s.observationDue()).toBe(false);
    // Other hosts' statuses and the exports are not what it reads; a volunteer key is.
    s.onChanged(['/_mgmt/status/f0001', '/_mgmt/exported/f0001/file/x']);
    expect(s.observationDue()).toBe(false);
    s.onChanged(['/_mgmt/volunteers/f0002']);
    expect(s.observationDue()).toBe(true);
    s.observed(true);
    state.local = 'b';
    expect(s.observationDue()).toBe(true);
    s.observed(false); // knows no voters: keeps observing (it asks for the member list)
    expect(s.observationDue()).toBe(true);
    // A peer too, its own member's part among what it reads.
    state.peer = true;
    s.observed(true);
    expect(s.observationDue()).toBe(false);
    state.local = 'c';
    expect(s.observationDue()).toBe(true);
  });

  it("tells a peer's own member apart by its voters, learners, its own learner flag and its leadership", () => {
    const local = (voters: number[], learners: number[], leads: boolean): LocalMemberInputs => ({
      member: {
        raft: { id: 1, isLeader: leads, conf: { voters, learners } },
        state: { members: { get: (id: number) => (id === 1 ? { isLearner: learners.includes(1) } : undefined) } },
      },
    });
    const base = memberInputs(local([1, 2, 3], [], true));
    expect(memberInputs(local([1, 2, 3], [], true))).toBe(base);
    expect(memberInputs(local([1, 2], [], true))).not.toBe(base);
    expect(memberInputs(local([1, 2, 3], [4], true))).not.toBe(base);
    expect(memberInputs(local([1, 2, 3], [], false))).not.toBe(base);
    expect(memberInputs(local([2, 3], [1], false))).not.toBe(memberInputs(local([2, 3], [4], false)));
    expect(memberInputs(undefined)).not.toBe(base);
  });

  it('hands the graph the keys on its ticks only when the exports changed, an export write waits, or a member runs here', () => {
    const { s, state } = schedule();
    expect(s.graphDue(4)).toBe(false);
    expect(s.graphDue(5)).toBe(true);
    s.graphObserved();
    expect(s.graphDue(5)).toBe(false);
    state.settled = false;
    expect(s.graphDue(5)).toBe(true);
    state.settled = true;
    s.onChanged(['/_mgmt/status/f0001', '/_mgmt/volunteers/f0002']);
    expect(s.graphDue(5)).toBe(false);
    s.onChanged(['/_mgmt/converged/f0001']);
    expect(s.graphDue(5)).toBe(true);
    s.graphObserved();
    state.peer = true;
    expect(s.graphDue(5)).toBe(true);
  });
});
