// Proves how the fleet harness reports a phase: a failed phase leaves one
// line in its row and the run goes on; a figure over its target (or not
// measured at all) is marked and named in the `targets not met` list.
import { describe, expect, it } from 'vitest';
import { FLEET_TARGETS, judge, reached, runPhase, type FleetRow } from './fleet-phase.js';

describe('runPhase', () => {
  it('returns the phase result, or puts a thrown error in the row and returns undefined', async () => {
    const rows: FleetRow[] = [];
    const row = (what: string, value: string) => rows.push({ what, value });
    expect(await runPhase('ok', row, () => Promise.resolve(7))).toBe(7);
    expect(await runPhase('steady', row, () => Promise.reject(new Error('mgmt: no leader within 15000 ms\n    at x')))).toBeUndefined();
    expect(rows).toEqual([{ what: 'steady', value: 'error: mgmt: no leader within 15000 ms' }]);
  });
});

describe('judge', () => {
  it('says nothing for a met target, marks a missed or unmeasured one and names it once per call', () => {
    const missed: string[] = [];
    expect(judge(25, FLEET_TARGETS.steadyLeaderCpu, missed)).toBe('');
    expect(judge(42.5, FLEET_TARGETS.steadyLeaderCpu, missed)).toContain('NOT MET');
    expect(judge(undefined, FLEET_TARGETS.leaderKillAttached, missed)).toContain('NOT MET');
    expect(judge(Number.NaN, FLEET_TARGETS.propagationP99, missed)).toContain('NOT MET');
    expect(missed).toEqual(['steady leader CPU', 'leader killed, all attached', 'propagation p99']);
  });
});

describe('reached', () => {
  it('prints how far a bounded wait got', () => {
    expect(reached(973, 1000, 300_400)).toBe('973/1000 in 300 s');
  });
});
