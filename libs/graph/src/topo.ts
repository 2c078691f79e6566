import { assert } from './assert.js';
import { resourceKey, type Edge, type ResourceRef } from './types.js';

/**
 * Orders resources so that every edge's `from` comes before its `to`;
 * independent resources keep their declaration order (Kahn's algorithm,
 * always taking the earliest-declared ready resource). Throws on a cycle;
 * parseGraph rejects cycles first, so that is a programmer error here.
 */
export function topoOrder<T extends ResourceRef>(resources: readonly T[], edges: readonly Edge[]): T[] {
  const { indegree, next } = adjacency(resources, edges);
  const ready = resources.map((_, i) => i).filter((i) => indegree[i] === 0);
  const out: T[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const i = ready.shift() as number;
    out.push(resources[i] as T);
    for (const j of next[i] ?? []) {
      indegree[j] = (indegree[j] ?? 0) - 1;
      if (indegree[j] === 0) ready.push(j);
    }
  }
  assert(out.length === resources.length, 'topoOrder: graph has a cycle');
  return out;
}

/** Returns the names of the edges of one cycle, or undefined when the graph is acyclic. */
export function findCycle(resources: readonly ResourceRef[], edges: readonly Edge[]): string[] | undefined {
  const index = new Map(resources.map((r, i) => [resourceKey(r), i]));
  const out: Array<Array<{ to: number; edge: string }>> = resources.map(() => []);
  for (const e of edges) {
    const from = index.get(resourceKey(e.from));
    const to = index.get(resourceKey(e.to));
    if (from !== undefined && to !== undefined) out[from]?.push({ to, edge: e.name });
  }
  const color = resources.map(() => 0); // 0 white, 1 on stack, 2 done
  const stack: string[] = [];
  const stackNodes: number[] = [];
  const visit = (n: number): string[] | undefined => {
    color[n] = 1;
    stackNodes.push(n);
    for (const { to, edge } of out[n] ?? []) {
      stack.push(edge);
      if (color[to] === 1) return stack.slice(stackNodes.indexOf(to));
      if (color[to] === 0) {
        const found = visit(to);
        if (found) return found;
      }
      stack.pop();
    }
    stackNodes.pop();
    color[n] = 2;
    return undefined;
  };
  for (let n = 0; n < resources.length; n++) {
    if (color[n] === 0) {
      const found = visit(n);
      if (found) return found;
    }
  }
  return undefined;
}

/** The direct dependencies (edge `from`s) of each resource key. */
export function dependenciesOf(edges: readonly Edge[]): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const e of edges) {
    const to = resourceKey(e.to);
    deps.set(to, [...(deps.get(to) ?? []), resourceKey(e.from)]);
  }
  return deps;
}

function adjacency(resources: readonly ResourceRef[], edges: readonly Edge[]) {
  const index = new Map(resources.map((r, i) => [resourceKey(r), i]));
  const indegree = resources.map(() => 0);
  const next: number[][] = resources.map(() => []);
  for (const e of edges) {
    const from = index.get(resourceKey(e.from));
    const to = index.get(resourceKey(e.to));
    if (from === undefined || to === undefined) continue; // edges to exported (@@) resources are dropped
    next[from]?.push(to);
    indegree[to] = (indegree[to] ?? 0) + 1;
  }
  return { indegree, next };
}
