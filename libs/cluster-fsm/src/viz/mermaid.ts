/**
 * Mermaid `stateDiagram-v2` text of a machine, generated from its chart
 * (see graph.ts): compound states nest, guards and delays label the edges.
 */
import type { AnyStateMachine } from 'xstate';
import { normalizeStateIds } from './active.js';
import type { ChartNode, MachineChart } from './graph.js';
import { machineToJson } from './graph.js';

/** Options of {@link machineToMermaid}. */
export interface MermaidOptions {
  /** State ids to light (full or relative to the machine); styled with class `active`. */
  highlight?: readonly string[];
}

/** The machine as a Mermaid `stateDiagram-v2`. */
export function machineToMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  return chartToMermaid(machineToJson(machine), options);
}

/** A chart (from `machineToJson`) as a Mermaid `stateDiagram-v2`. */
export function chartToMermaid(chart: MachineChart, options: MermaidOptions = {}): string {
  const lines = ['stateDiagram-v2'];
  const children = childrenByParent(chart.nodes);
  const emit = (parent: string | null, initial: string | null, indent: string): void => {
    if (initial !== null) lines.push(`${indent}[*] --> ${mermaidId(initial)}`);
    for (const node of children.get(parent) ?? []) {
      lines.push(`${indent}state "${mermaidText(node.key)}" as ${mermaidId(node.id)}`);
      if (node.type === 'compound' || node.type === 'parallel') {
        lines.push(`${indent}state ${mermaidId(node.id)} {`);
        emit(node.id, node.initial, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (node.type === 'final') lines.push(`${indent}${mermaidId(node.id)} --> [*]`);
    }
  };
  emit(null, chart.initial, '  ');
  // Transitions defined on the root fire from any state: draw them from one "any state" box.
  const anyState = mermaidId(`${chart.id}.__any`);
  if (chart.edges.some((edge) => edge.source === chart.id)) lines.push(`  state "any state" as ${anyState}`);
  for (const edge of chart.edges) {
    const source = edge.source === chart.id ? anyState : mermaidId(edge.source);
    lines.push(`  ${source} --> ${mermaidId(edge.target)} : ${mermaidText(edge.label)}`);
  }
  const lit = normalizeStateIds(chart.id, options.highlight ?? []);
  const litIds = chart.nodes.filter((node) => lit.has(node.id)).map((node) => mermaidId(node.id));
  if (litIds.length > 0) {
    lines.push('  classDef active fill:#fde68a,stroke:#b45309,stroke-width:3px');
    lines.push(`  class ${litIds.join(',')} active`);
  }
  return `${lines.join('\n')}\n`;
}

function childrenByParent(nodes: readonly ChartNode[]): Map<string | null, ChartNode[]> {
  const map = new Map<string | null, ChartNode[]>();
  for (const node of nodes) {
    const list = map.get(node.parent) ?? [];
    list.push(node);
    map.set(node.parent, list);
  }
  return map;
}

/** A Mermaid-safe identifier for a state id. */
export function mermaidId(stateId: string): string {
  return stateId.replace(/[^A-Za-z0-9_]/g, '_');
}

function mermaidText(text: string): string {
  return text.replace(/[;#:"{}]/g, ' ').replace(/\s+/g, ' ').trim();
}
