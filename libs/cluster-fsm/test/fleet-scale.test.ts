/**
 * The nominator at fleet scale (issue 19): with hundreds of volunteers it
 * chooses the one connected longest without a lease loss (the smallest
 * create revision of its volunteer key), skips volunteers that lost their
 * lease twice within the flap window, and a decision over a 1,000-volunteer
 * view costs a few milliseconds (printed, not asserted: timings vary with
 * the machine's load).
 */
import { describe, expect, it } from 'vitest';
import { decideNext } from '../src/nominator/decide.js';
import { NO_LEASE_HISTORY, dampedVolunteers, trackLeaseLosses } from '../src/nominator/flap.js';
import type { ClusterView } from '../src/nominator/view.js';
import { DEFAULT_NOMINATOR_POLICY } from '../src/nominator/view.js';
import { urlsOf, viewOf, voter } from './views.js';

const policy = DEFAULT_NOMINATOR_POLICY;

/** A one-voter cluster with `count` volunteers v0..; v(i) has create revision 1000 + ((i * 7919) % count). */
function fleetView(count: number): ClusterView {
  const names = Array.from({ length: count }, (_, i) => `v${i}`);
  const view = viewOf([voter('h1', '1')], {}, names);
  view.volunteerRevisions = Object.fromEntries(names.map((name, i) => [name, 1000 + ((i * 7919) % count)]));
  view.volunteerRevisions['h1'] = 1;
  return view;
}

describe('the nominator with hundreds of volunteers', () => {
  it('nominates the volunteer connected longest, not the first by name', () => {
    const view = fleetView(500);
    const oldest = Object.entries(view.volunteerRevisions!)
      .filter(([name]) => name !== 'h1')
      .sort((a, b) => a[1] - b[1])[0]![0];
    expect(decideNext(view, policy)).toMatchObject({ kind: 'nominate', hostname: oldest, reason: expect.stringContaining('connected longest') });
  });

  it('does not choose a volunteer that lost its lease twice within a minute, until the minute has passed', () => {
    const view = fleetView(3);
    const oldest = 'v0';
    view.volunteerRevisions = { h1: 1, v0: 10, v1: 20, v2: 30 };
    let history = NO_LEASE_HISTORY;
    const at = (tick: number, leases: Record<string, number>) => {
      history = trackLeaseLosses(history, { ...view, tick, volunteerLeases: leases }, policy);
      return dampedVolunteers(history, policy);
    };
    expect(at(0, { v0: 1, v1: 2, v2: 3 })).toEqual([]);
    expect(at(100, { v0: 4, v1: 2, v2: 3 })).toEqual([]); // first loss: a new lease
    const damped = at(200, { v0: 5, v1: 2, v2: 3 }); // second loss within the minute
    expect(damped).toEqual([oldest]);
    expect(decideNext({ ...view, tick: 200, damped }, policy)).toMatchObject({ kind: 'nominate', hostname: 'v1' });
    const later = at(100 + policy.flapWindowTicks, { v0: 5, v1: 2, v2: 3 });
    expect(later).toEqual([]);
    expect(decideNext({ ...view, damped: later }, policy)).toMatchObject({ kind: 'nominate', hostname: oldest });
  });

  it('decides over 1,000 volunteers in a few milliseconds (printed)', () => {
    const view = fleetView(1000);
    view.members.push(voter('v1', '2'), voter('v2', '3', { lastHeardTicksAgo: policy.failureTimeoutTicks + 1 }));
    view.nominated['v1'] = urlsOf('v1');
    view.nominated['v2'] = urlsOf('v2');
    const started = performance.now();
    const runs = 50;
    for (let i = 0; i < runs; i++) decideNext(view, policy);
    const perDecisionMs = (performance.now() - started) / runs;
    console.log(`decideNext over 1,000 volunteers: ${perDecisionMs.toFixed(2)} ms per decision`);
    expect(decideNext(view, policy)).toMatchObject({ kind: 'nominate', reason: expect.stringContaining('replacing failed v2') });
  });
});
