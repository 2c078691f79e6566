/**
 * The deterministic simulator: 2,000 seeds with no violation, and deliberately
 * broken rules (injected through the test-only unsafeTestBugs option) caught
 * by the checkers.
 */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../src/sim/runner.js';
import { checkLinearizable } from '../src/sim/linearizability.js';
import type { HistoryOp } from '../src/sim/kv.js';

describe('simulator', () => {
  it('2,000 seeds run with no violation', () => {
    const failures: string[] = [];
    let commits = 0;
    for (let s = 1; s <= 2000; s++) {
      const r = runSimulation({ seed: s });
      commits += r.commits;
      if (r.violations.length > 0) failures.push(`seed ${s}: ${r.violations[0]}`);
    }
    expect(failures).toEqual([]);
    expect(commits).toBeGreaterThan(2000 * 20);
  }, 300_000);

  it('a run is reproducible from its seed', () => {
    expect(runSimulation({ seed: 4242 })).toEqual(runSimulation({ seed: 4242 }));
  });

  it('catches a vote counted twice (election safety / leader completeness)', () => {
    const caught: string[] = [];
    for (let s = 1; s <= 40 && caught.length === 0; s++) {
      const r = runSimulation({ seed: s, bugs: { doubleCountSelfVote: true } });
      caught.push(...r.violations);
    }
    expect(caught.length).toBeGreaterThan(0);
    expect(caught[0]).toMatch(/election safety|leader completeness|log matching|state machine safety|committed entry lost/);
  });

  it('catches voters that ignore the election restriction', () => {
    const caught: string[] = [];
    for (let s = 1; s <= 100 && caught.length === 0; s++) {
      caught.push(...runSimulation({ seed: s, bugs: { skipElectionRestriction: true } }).violations);
    }
    expect(caught.length).toBeGreaterThan(0);
  });

  it('catches concurrent configuration changes (they wedge the cluster)', () => {
    const caught: string[] = [];
    for (let s = 1; s <= 100 && caught.length === 0; s++) {
      caught.push(...runSimulation({ seed: s, bugs: { allowConcurrentConfChanges: true }, confChangeRate: 0.3 }).violations);
    }
    expect(caught.length).toBeGreaterThan(0);
  });
});

describe('linearizability checker', () => {
  const put = (id: number, invoke: number, respond: number): HistoryOp => ({ kind: 'put', id, key: 'k', value: `v${id}`, invoke, respond });
  const get = (id: number, value: string | undefined, invoke: number, respond: number): HistoryOp => ({ kind: 'get', id, key: 'k', value, invoke, respond });

  it('accepts a linearizable history (overlapping ops may go either way)', () => {
    const h = [put(1, 0, 10), put(2, 5, 15), get(3, 'v1', 6, 12), get(4, 'v2', 16, 20), get(5, undefined, -1, 0.5)];
    expect(checkLinearizable(h, [1, 2])).toBeUndefined();
  });

  it('flags a stale read', () => {
    const h = [put(1, 0, 10), put(2, 11, 15), get(3, 'v1', 16, 20)];
    expect(checkLinearizable(h, [1, 2])?.message).toMatch(/stale/);
  });

  it('flags a read from the future and reads that go back in time', () => {
    expect(checkLinearizable([put(1, 10, 20), get(2, 'v1', 0, 5)], [1])?.message).toMatch(/invoked after/);
    const h = [put(1, 0, 50), put(2, 0, 50), get(3, 'v2', 10, 20), get(4, 'v1', 21, 30)];
    expect(checkLinearizable(h, [1, 2])?.message).toMatch(/back in time/);
  });

  it('flags writes committed against real-time order, and lost acknowledged writes', () => {
    expect(checkLinearizable([put(1, 0, 5), put(2, 6, 9)], [2, 1])).toBeDefined();
    expect(checkLinearizable([put(1, 0, 5)], [])?.message).toMatch(/not in the committed log/);
  });
});
