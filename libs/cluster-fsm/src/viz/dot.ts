/**
 * Graphviz DOT text of a machine, generated from its chart (see graph.ts).
 * Compound states are clusters; an edge to or from a compound state is
 * drawn to its boundary (`lhead`/`ltail`) through its first leaf. Active
 * states can be lit for the live status page.
 */
import type { AnyStateMachine } from 'xstate';
import { normalizeStateIds } from './active.js';
import type { ChartNode, MachineChart } from './graph.js';
import { machineToJson } from './graph.js';

/** Options of {@link machineToDot}. */
export interface DotOptions {
  /** State ids to light (full or relative to the machine), e.g. from `activeStateIds`. */
  highlight?: readonly string[];
  /** Graph direction; default `LR`. */
  rankdir?: 'LR' | 'TB';
}

/** The machine as a DOT digraph. */
export function machineToDot(machine: AnyStateMachine, options: DotOptions = {}): string {
  return chartToDot(machineToJson(machine), options);
}

/** A chart (from `machineToJson`) as a DOT digraph. */
export function chartToDot(chart: MachineChart, options: DotOptions = {}): string {
  const lit = normalizeStateIds(chart.id, options.highlight ?? []);
  const byId = new Map(chart.nodes.map((node) => [node.id, node]));
  const children = new Map<string | null, ChartNode[]>();
  for (const node of chart.nodes) children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  const isCluster = (node: ChartNode): boolean => (children.get(node.id) ?? []).length > 0;

  /** The leaf an edge attaches to when it meets a compound state. */
  const anchorOf = (id: string): string => {
    let node = byId.get(id);
    while (node !== undefined && isCluster(node)) {
      const next: ChartNode | undefined = (node.initial !== null ? byId.get(node.initial) : undefined) ?? children.get(node.id)?.[0];
      node = next;
    }
    return node?.id ?? id;
  };

  /** Whether state `id` is `ancestorId` or lies inside it. */
  const isWithin = (id: string, ancestorId: string): boolean => {
    for (let node = byId.get(id); node !== undefined; node = node.parent === null ? undefined : byId.get(node.parent)) {
      if (node.id === ancestorId) return true;
    }
    return false;
  };

  const lines = [
    `digraph ${quote(chart.id)} {`,
    `  graph [compound=true, rankdir=${options.rankdir ?? 'LR'}, fontname="Helvetica", label=${quote(chart.id)}, labelloc=t];`,
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
    `  ${quote(`${chart.id}.__initial`)} [shape=point, width=0.15, label=""];`,
  ];
  const emit = (parent: string | null, indent: string): void => {
    for (const node of children.get(parent) ?? []) {
      const on = lit.has(node.id);
      if (isCluster(node)) {
        lines.push(`${indent}subgraph ${quote(`cluster_${node.id}`)} {`);
        lines.push(`${indent}  label=${quote(node.key)}; style=${on ? '"rounded,filled,bold"' : '"rounded"'};`);
        if (on) lines.push(`${indent}  fillcolor="#fef3c7"; color="#b45309";`);
        emit(node.id, `${indent}  `);
        lines.push(`${indent}}`);
        continue;
      }
      const attributes = [`label=${quote(node.key)}`];
      if (node.type === 'final') attributes.push('peripheries=2');
      if (on) attributes.push('style="rounded,filled,bold"', 'fillcolor="#fde68a"', 'color="#b45309"', 'penwidth=2');
      lines.push(`${indent}${quote(node.id)} [${attributes.join(', ')}];`);
    }
  };
  emit(null, '  ');
  // Transitions defined on the root fire from any state: draw them from one "any state" note.
  const anyState = `${chart.id}.__any`;
  if (chart.edges.some((edge) => edge.source === chart.id)) {
    lines.push(`  ${quote(anyState)} [label="any state", shape=note, style="dashed"];`);
  }
  if (chart.initial !== null) {
    const initial = byId.get(chart.initial);
    const lhead = initial !== undefined && isCluster(initial) ? chart.initial : undefined;
    lines.push(`  ${quote(`${chart.id}.__initial`)} -> ${quote(anchorOf(chart.initial))}${clip(undefined, lhead)};`);
  }
  for (const edge of chart.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    // Clip at a cluster's boundary only when the other end lies outside that cluster.
    const ltail = source !== undefined && isCluster(source) && !isWithin(edge.target, edge.source) ? edge.source : undefined;
    const lhead = target !== undefined && isCluster(target) && !isWithin(edge.source, edge.target) ? edge.target : undefined;
    const style = edge.kind === 'always' ? ', style=dashed' : edge.kind === 'after' ? ', style=dotted' : '';
    const from = edge.source === chart.id ? anyState : anchorOf(edge.source);
    lines.push(
      `  ${quote(from)} -> ${quote(anchorOf(edge.target))} [label=${quote(edge.label)}${style}${clipAttributes(ltail, lhead)}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;

  function clip(ltail: string | undefined, lhead: string | undefined): string {
    const attributes = clipAttributes(ltail, lhead);
    return attributes === '' ? '' : ` [${attributes.slice(2)}]`;
  }
  function clipAttributes(ltail: string | undefined, lhead: string | undefined): string {
    const parts: string[] = [];
    if (ltail !== undefined) parts.push(`ltail=${quote(`cluster_${ltail}`)}`);
    if (lhead !== undefined) parts.push(`lhead=${quote(`cluster_${lhead}`)}`);
    return parts.length === 0 ? '' : `, ${parts.join(', ')}`;
  }
}

/** A DOT double-quoted string. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
