/**
 * A formation's phases are read back from the members' pino lines: process
 * start, load, seed reached, volunteered, nominated, member started, caught
 * up, voter, and from the leader's nominator the learner and promotion times
 * of each host and the next change after each promotion. No timing is
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
        line(2.1, 'nominator: nominate h3: connected longest (cluster 2/3)'),
      ].join('\n'),
    ],
    [
      'h2',
      [
        line(0.5, 'startup: command loaded', { sinceProcessStartMs: 490 }),
        line(1.1, 'this host now belongs to cluster abc (recorded in its data directory)'),
        line(1.12, 'lifecycle: volunteer.waiting'),
        line(1.15, 'lifecycle: nominated.starting'),
        line(1.3, 'peer started'),
        line(1.4, 'installed snapshot'),
        line(2.0, 'lifecycle: peer.running'),
        '{"cut short by the kill',
      ].join('\n'),
    ],
  ]);

  it('gives each member its phases in ms after the start, learner and promotion from the leader', () => {
    const [h1, h2] = formationPhases(logs, t0);
    expect(h1).toMatchObject({ name: 'h1', spawnedMs: 20, loadedMs: 600, loadTookMs: 580, connectedMs: 900, runningMs: 1000 });
    expect(h2).toMatchObject({
      name: 'h2',
      spawnedMs: 10,
      loadedMs: 500,
      connectedMs: 1100,
      volunteeredMs: 1120,
      nominatedMs: 1150,
      peerStartedMs: 1300,
      caughtUpMs: 1400,
      learnerMs: 1200,
      promotedMs: 1900,
      runningMs: 2000,
      nextChangeMs: 2100,
    });
  });

  it('describes them as a table, one row per member, and one line for the whole formation', () => {
    const lines = describeFormationPhases(formationPhases(logs, t0));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^ {2}\| host \| spawned \| loaded \| connected \| volunteered \| learner added \|/);
    expect(lines[3]!.split('|').map((c) => c.trim())).toEqual(['', 'h2', '10', '500', '1100', '1120', '1200', '1150', '1300', '1400', '1900', '2000', '2100', '']);
    expect(lines[4]).toBe('  phases (ms after start): all loaded 600, h1 running 1000, all connected 1100, last learner added 1200, last promoted 1900');
  });
});
