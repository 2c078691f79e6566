/**
 * Proves the nominator's pacing: a view is built at every tick while
 * anything it is made of changes or the nominator has something in hand
 * (a decision, a learner, a silent or lagging member, a voter without its
 * volunteer key, a volunteer waiting for room); only a steady cluster whose
 * nominator has said `none` for a second gets a view once a second, and
 * any change of the inputs (a store write, a member going silent) brings
 * the next view at once.
 */
import type { ClusterView, MemberView } from '@mgmt/cluster-fsm';
import { describe, expect, it } from 'vitest';
import { SETTLED_SAMPLE_EVERY_TICKS, SETTLED_VIEW_EVERY_MS, SETTLE_AFTER_MS, afterView, closeEnough, isSteady, paceInputs, shouldBuildView, shouldSample, type PaceInputSource, type PaceState } from './nominator-pace.js';

const member = (id: number, name: string, over: Partial<MemberView> = {}): MemberView => ({ id: String(id), name, peerUrls: [`http://${name}:2380`], isLearner: false, matchIndex: 10, lastHeardTicksAgo: 0, ...over });

const steadyView = (over: Partial<ClusterView> = {}): ClusterView => ({
  tick: 1,
  leaderId: '1',
  leaderLastIndex: 10,
  leaderCommittedInTerm: true,
  confChangePending: false,
  volunteers: { h1: ['http://h1:2380'], h2: ['http://h2:2380'], h3: ['http://h3:2380'] },
  nominated: {},
  endpoints: {},
  leaving: [],
  members: [member(1, 'h1'), member(2, 'h2'), member(3, 'h3')],
  idealClusterSize: 3,
  zones: {},
  volunteerRevisions: {},
  volunteerLeases: {},
  ...over,
});

const source = (over: Partial<PaceInputSource> = {}): PaceInputSource => ({
  mgmtVersion: 5,
  leaderLastIndex: 10,
  committedInTerm: true,
  confChangePending: false,
  members: [
    { id: 1, name: 'h1', isLearner: false, peerUrls: ['http://h1:2380'] },
    { id: 2, name: 'h2', isLearner: false, peerUrls: ['http://h2:2380'] },
  ],
  progress: [{ id: 2, heardAgoMs: 40, match: 10 }],
  ...over,
});

/** Runs 100 ms ticks from `fromMs` to `toMs` with fixed inputs; returns the times a view was built. */
function run(state: PaceState | undefined, inputs: string, steady: boolean, fromMs: number, toMs: number): { built: number[]; state: PaceState | undefined } {
  const built: number[] = [];
  for (let nowMs = fromMs; nowMs <= toMs; nowMs += 100) {
    const sample = { inputs, nowMs, mgmtVersion: 0 };
    if (!shouldBuildView(state, sample)) continue;
    built.push(nowMs);
    state = afterView(state, sample, steady);
  }
  return { built, state };
}

describe('shouldBuildView', () => {
  it('builds the first view, and one at every tick while the nominator is not steady', () => {
    const { built } = run(undefined, 'a', false, 0, 3_000);
    expect(built).toHaveLength(31);
  });

  it('spaces the views of a steady nominator out once it has been steady for a while', () => {
    const { built } = run(undefined, 'a', true, 0, 20_000);
    // Every tick for SETTLE_AFTER_MS, then one view every SETTLED_VIEW_EVERY_MS.
    const settledAt = SETTLE_AFTER_MS;
    expect(built.filter((t) => t < settledAt)).toHaveLength(settledAt / 100);
    const after = built.filter((t) => t >= settledAt - 100);
    for (let i = 1; i < after.length; i++) expect(after[i]! - after[i - 1]!).toBe(SETTLED_VIEW_EVERY_MS);
    expect(after.length).toBeGreaterThan(0);
  });

  it('builds a view at once when the inputs change, and ticks again until steady for a while', () => {
    let { state } = run(undefined, 'a', true, 0, 5_000);
    expect(shouldBuildView(state, { inputs: 'a', nowMs: 5_100, mgmtVersion: 0 })).toBe(false);
    expect(shouldBuildView(state, { inputs: 'b', nowMs: 5_100, mgmtVersion: 0 })).toBe(true);
    // The change made the nominator busy: not steady, so every tick.
    state = afterView(state, { inputs: 'b', nowMs: 5_100, mgmtVersion: 0 }, false);
    expect(shouldBuildView(state, { inputs: 'b', nowMs: 5_200, mgmtVersion: 0 })).toBe(true);
  });
});

describe('shouldSample', () => {
  it('takes the inputs at every tick until settled, then every few ticks, and at once on a store change', () => {
    expect(shouldSample(undefined, 1, 0, 0)).toBe(true);
    const busy = afterView(undefined, { inputs: 'a', nowMs: 0, mgmtVersion: 7 }, false);
    expect(shouldSample(busy, 1, 10_000, 7)).toBe(true);
    let steady = afterView(undefined, { inputs: 'a', nowMs: 0, mgmtVersion: 7 }, true);
    // Steady but not yet for SETTLE_AFTER_MS: every tick.
    expect(shouldSample(steady, 1, SETTLE_AFTER_MS - 100, 7)).toBe(true);
    steady = afterView(steady, { inputs: 'a', nowMs: SETTLE_AFTER_MS, mgmtVersion: 7 }, true);
    const later = SETTLE_AFTER_MS + 100;
    const taken = Array.from({ length: 20 }, (_, i) => i + 1).filter((tick) => shouldSample(steady, tick, later, 7));
    expect(taken).toEqual(taken.filter((tick) => tick % SETTLED_SAMPLE_EVERY_TICKS === 0));
    expect(taken).toHaveLength(20 / SETTLED_SAMPLE_EVERY_TICKS);
    // A /_mgmt/ key changed: at once, whatever the tick.
    expect(shouldSample(steady, 1, later, 8)).toBe(true);
  });
});

describe('paceInputs', () => {
  it('changes with a /_mgmt/ write, a membership change, a flag of Raft, a member heard lately or caught up', () => {
    const base = paceInputs(source());
    expect(paceInputs(source())).toBe(base);
    expect(paceInputs(source({ mgmtVersion: 6 }))).not.toBe(base);
    // The leader's index alone is not news: what a view decides from it is in each member's caught-up flag.
    expect(paceInputs(source({ leaderLastIndex: 11 }))).toBe(base);
    expect(paceInputs(source({ confChangePending: true }))).not.toBe(base);
    expect(paceInputs(source({ committedInTerm: false }))).not.toBe(base);
    expect(paceInputs(source({ members: [...source().members, { id: 3, name: 'h3', isLearner: true, peerUrls: [] }] }))).not.toBe(base);
    expect(paceInputs(source({ progress: [{ id: 2, heardAgoMs: 650, match: 10 }] }))).not.toBe(base);
    expect(paceInputs(source({ progress: [{ id: 2, heardAgoMs: 40, match: 8 }] }))).not.toBe(base);
  });

  it('does not change as time passes for a member heard lately (five heartbeats of 100 ms)', () => {
    expect(paceInputs(source({ progress: [{ id: 2, heardAgoMs: 10, match: 10 }] }))).toBe(paceInputs(source({ progress: [{ id: 2, heardAgoMs: 490, match: 10 }] })));
  });
});

describe('isSteady', () => {
  it('is steady for a full, healthy cluster whose nominator decides none', () => {
    expect(isSteady(steadyView(), 'none')).toBe(true);
  });

  it('is not steady while a decision is in hand', () => {
    expect(isSteady(steadyView(), 'addLearner')).toBe(false);
    expect(isSteady(steadyView(), undefined)).toBe(false);
  });

  it('is not steady with a learner (it stabilizes over time)', () => {
    expect(isSteady(steadyView({ members: [member(1, 'h1'), member(2, 'h2'), member(3, 'h3', { isLearner: true })] }), 'none')).toBe(false);
  });

  it('is not steady while a member is silent or behind (it fails after a timeout)', () => {
    expect(isSteady(steadyView({ members: [member(1, 'h1'), member(2, 'h2', { lastHeardTicksAgo: 5 }), member(3, 'h3')] }), 'none')).toBe(false);
    expect(isSteady(steadyView({ members: [member(1, 'h1'), member(2, 'h2', { matchIndex: 8 }), member(3, 'h3')] }), 'none')).toBe(false);
    expect(isSteady(steadyView({ members: [member(1, 'h1'), member(2, 'h2', { lastHeardTicksAgo: 4 }), member(3, 'h3')] }), 'none')).toBe(true);
  });

  it('is not steady while a voter has no volunteer key (it has a grace time)', () => {
    expect(isSteady(steadyView({ volunteers: { h1: [], h2: [] } }), 'none')).toBe(false);
  });

  it('is not steady while a volunteer waits for room (a damped one becomes eligible over time)', () => {
    const two = [member(1, 'h1'), member(2, 'h2')];
    expect(isSteady(steadyView({ members: two, volunteers: { h1: [], h2: [], h4: [] } }), 'none')).toBe(false);
    // No room for it: the cluster is full, the volunteer stays a volunteer.
    expect(isSteady(steadyView({ volunteers: { h1: [], h2: [], h3: [], h4: [] } }), 'none')).toBe(true);
    // Room, but nobody else volunteers: only a new volunteer (a store write) changes anything.
    expect(isSteady(steadyView({ members: two, volunteers: { h1: [], h2: [] } }), 'none')).toBe(true);
  });

  it('does not change while a follower is a few entries behind a busy leader (every nominator rule still holds)', () => {
    const busy = (match: number) => paceInputs(source({ leaderLastIndex: 5_000, progress: [{ id: 2, heardAgoMs: 40, match }] }));
    expect(busy(4_990)).toBe(busy(5_000));
    expect(busy(3_000)).not.toBe(busy(5_000));
    expect(closeEnough(4_990, 5_000)).toBe(true);
    expect(closeEnough(3_999, 5_000)).toBe(false);
  });
});
