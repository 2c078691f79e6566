// Proves topoOrder against a naive reference: on random DAGs the order is a
// permutation that respects every edge, and findCycle finds a cycle exactly
// when one exists. fast-check prints the seed of any failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycle, topoOrder, type Edge, type ResourceRef } from '../src/index.js';

const noop = (i: number): ResourceRef => ({ kind: 'noop', name: `n${i}` });

/** A random DAG: nodes 0..n-1 shuffled into a hidden order; edges only go forward in it. */
const dag = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }),
  ),
);

function edgesOf(hidden: number[], pairs: Array<[number, number]>): Edge[] {
  const rank = new Map(hidden.map((node, i) => [node, i]));
  return pairs
    .filter(([a, b]) => a !== b)
    .map(([a, b], i) => {
      const [from, to] = (rank.get(a) ?? 0) < (rank.get(b) ?? 0) ? [a, b] : [b, a];
      return { name: `e${i}`, from: noop(from), to: noop(to) };
    });
}

describe('topoOrder', () => {
  it('returns a permutation respecting every edge', () => {
    fc.assert(
      fc.property(dag, ([n, hidden, pairs]) => {
        const resources = [...Array(n).keys()].map(noop);
        const edges = edgesOf(hidden, pairs);
        const order = topoOrder(resources, edges).map((r) => r.name);
        expect([...order].sort()).toEqual(resources.map((r) => r.name).sort());
        for (const e of edges) expect(order.indexOf(e.from.name)).toBeLessThan(order.indexOf(e.to.name));
        expect(findCycle(resources, edges)).toBeUndefined();
      }),
    );
  });

  it('keeps declaration order when there are no edges', () => {
    const resources = [noop(3), noop(1), noop(2)];
    expect(topoOrder(resources, [])).toEqual(resources);
  });

  it('findCycle finds a back edge added to a DAG', () => {
    fc.assert(
      fc.property(dag, ([n, hidden, pairs]) => {
        fc.pre(n >= 2);
        const resources = [...Array(n).keys()].map(noop);
        const first = hidden[0] as number;
        const last = hidden[n - 1] as number;
        const chain = hidden.slice(1).map((node, i) => ({ name: `c${i}`, from: noop(hidden[i] as number), to: noop(node) }));
        const edges = [...edgesOf(hidden, pairs), ...chain, { name: 'back', from: noop(last), to: noop(first) }];
        expect(findCycle(resources, edges)).toBeDefined();
        expect(() => topoOrder(resources, edges)).toThrow(/cycle/);
      }),
    );
  });
});
