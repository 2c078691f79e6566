import { describe, expect, it } from 'vitest';
import { SimCluster } from '../src/sim/cluster.js';
import { checkLinearizable } from '../src/sim/linearizability.js';
import { coreOf } from '../src/internal.js';

describe('basic cluster', () => {
  it('elects a leader, replicates and reads', () => {
    const c = new SimCluster({ seed: 1, voters: [1, 2, 3] });
    expect(c.runUntil(() => c.leader() !== undefined && [...c.nodes.values()].every((n) => coreOf(n.raw!).lead === c.leader()!.id), 200)).toBe(true);
    const l = c.leader()!;
    const ids: number[] = [];
    for (let k = 0; k < 20; k++) ids.push(c.put(((k % 3) + 1), `k${k % 4}`));
    expect(c.runUntil(() => ids.every((id) => c.isCompleted(id)), 200)).toBe(true);
    c.get(l.id, 'k1');
    c.get(2, 'k2');
    c.run(20);
    expect(c.checker.violations).toEqual([]);
    expect(checkLinearizable(c.history, c.writeOrder)).toBeUndefined();
    for (const n of c.nodes.values()) expect(n.kv.get('k3')).toBe(l.kv.get('k3'));
    expect(c.history.filter((h) => h.kind === 'get' && h.respond !== Infinity)).toHaveLength(2);
  });
});
