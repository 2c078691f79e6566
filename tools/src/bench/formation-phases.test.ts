/**
 * A formation's phases are read back from the members' pino lines: load,
 * seed reached, nominated, member started, voter, and from the leader's
 * nominator the learner and promotion times of each host. No timing is
 * asserted: the lines carry their own times.
 */
import { describe, expect, it } from 'vitest';
import { describeFormationPhases, formationPhases } from './formation-phases.js';

const t0 = Date.parse('2026-12-05T13:00:00.000Z');
const line = (sec: number, msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ level: 30, time: new Date(t0 + sec * 1000).toISOString(), msg, ...extra });

describe('formation phases', () => {
  const logs = new Map([
    [
      'h1',
      [
        line(0.6, 'startup: command loaded', { sinceProcessStartMs: 580 }),
        line(0.7, 'lifecycle: bootstrapping'),
        line(0.9, 'this host now belongs to cluster abc (recorded in its data directory)'),
        line(1.0, 'lifecycle: peer.running'),
        line(1.2, 'nominator: addLearner h2: cluster 1/2: adding nominee h2 as a learner'),
        line(1.9, 'nominator: promoteLearner h2: learner h2 caught up (23/23) and stable'),
      ].join('\n'),
    ],
    [
      'h2',
      [
        line(0.5, 'startup: command loaded', { sinceProcessStartMs: 490 }),
        line(1.1, 'this host now belongs to cluster abc (recorded in its data directory)'),
        line(1.15, 'lifecycle: nominated.starting'),
        line(1.3, 'peer started'),
        line(2.0, 'lifecycle: peer.running'),
        '{"cut short by the kill',
      ].join('\n'),
    ],
  ]);

  it('gives each member its phases in ms after the start, learner and promotion from the leader', () => {
    const [h1, h2] = formationPhases(logs, t0);
    expect(h1).toMatchObject({ name: 'h1', loadedMs: 600, loadTookMs: 580, connectedMs: 900, runningMs: 1000 });
    expect(h2).toMatchObject({ name: 'h2', loadedMs: 500, connectedMs: 1100, nominatedMs: 1150, peerStartedMs: 1300, learnerMs: 1200, promotedMs: 1900, runningMs: 2000 });
  });

  it('describes them one line per member and one for the whole formation', () => {
    const lines = describeFormationPhases(formationPhases(logs, t0));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('  phases (ms after start): all loaded 600, h1 running 1000, all connected 1100, last learner added 1200, last promoted 1900');
  });
});
