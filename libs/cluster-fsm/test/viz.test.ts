/**
 * Proves the chart exports are generated from the machines themselves:
 * JSON lists every state node and every transition with a target (guards
 * and delays as text), Mermaid and DOT mention each of them, DOT renders
 * to SVG with Graphviz-in-wasm without errors or warnings, and a set of
 * active states (from a live snapshot) is lit in both.
 */
import { instance } from '@viz-js/viz';
import { describe, expect, it } from 'vitest';
import { and, createActor, not, or } from 'xstate';
import { getStateNodes } from '@xstate/graph';
import { activeStateIds } from '../src/viz/active.js';
import { machineToDot } from '../src/viz/dot.js';
import { guardText, machineToJson } from '../src/viz/graph.js';
import { machineToMermaid, mermaidId } from '../src/viz/mermaid.js';
import { machines } from '../src/viz/registry.js';
import { renderSvg, SvgRenderError } from '../src/viz/svg.js';

describe.each(Object.entries(machines))('chart of the %s machine', (name, machine) => {
  const chart = machineToJson(machine);
  const allIds = getStateNodes(machine.root).map((node) => node.id);

  it('lists every state node of the definition', () => {
    expect(chart.id).toBe(name);
    expect(chart.nodes.map((node) => node.id).sort()).toEqual([...allIds].sort());
  });

  it('has edges only between known states, each with a label', () => {
    const known = new Set([chart.id, ...allIds]);
    expect(chart.edges.length).toBeGreaterThan(5);
    for (const edge of chart.edges) {
      expect(known.has(edge.source), edge.id).toBe(true);
      expect(known.has(edge.target), edge.id).toBe(true);
      expect(edge.label.length).toBeGreaterThan(0);
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
  });

  it('renders as Mermaid with every state and edge', () => {
    const text = machineToMermaid(machine);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const node of chart.nodes) expect(text).toContain(`as ${mermaidId(node.id)}`);
    expect(text.split('\n').filter((line) => line.includes(' --> ') && line.includes(' : '))).toHaveLength(chart.edges.length);
  });

  it('renders DOT to SVG without Graphviz errors or warnings', async () => {
    const viz = await instance();
    const result = viz.render(machineToDot(machine), { format: 'svg' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    const svg = await renderSvg(machineToDot(machine), { viz });
    expect(svg).toContain('<svg');
    for (const node of chart.nodes.filter((n) => n.type !== 'compound')) expect(svg).toContain(`>${node.key}<`);
  });
});

describe('chart details', () => {
  const chart = machineToJson(machines.lifecycle);

  it('labels guards, combinators and delays readably', () => {
    const labels = chart.edges.map((edge) => edge.label);
    expect(labels).toContain('always [!isLeaderWithPeers]');
    expect(labels).toContain('always [!mustAwaitRemoval]');
    expect(guardText(and(['a', not('b')]))).toBe('(a && !b)');
    expect(guardText(or(['a', { type: 'b' }]))).toBe('(a || b)');
    expect(labels).toContain('after connectRetryDelay');
    expect(labels).toContain('member.failed [hasStartAttemptsLeft]');
  });

  it('draws transitions defined on the root as coming from "any state"', () => {
    expect(machineToMermaid(machines.lifecycle)).toContain('lifecycle___any --> lifecycle_leaving : shutdown.requested');
    expect(machineToDot(machines.lifecycle)).toContain('"lifecycle.__any" [label="any state"');
  });

  it('lights the active states of a live actor', async () => {
    const actor = createActor(machines.lifecycle, {
      input: { hostname: 'h1', seeds: [], peerUrls: [], clientUrls: [] },
    });
    actor.start();
    actor.send({ type: 'member.started' });
    const active = activeStateIds('lifecycle', actor.getSnapshot().value);
    expect(active).toEqual(['lifecycle.peer', 'lifecycle.peer.running']);
    const dot = machineToDot(machines.lifecycle, { highlight: active });
    expect(dot).toMatch(/"lifecycle\.peer\.running" \[label="running", style="rounded,filled,bold", fillcolor="#fde68a"/);
    expect(dot).toContain('fillcolor="#fef3c7"');
    const mermaid = machineToMermaid(machines.lifecycle, { highlight: ['peer.running'] });
    expect(mermaid).toContain('class lifecycle_peer_running active');
    const svg = await renderSvg(dot);
    expect(svg).toContain('#fde68a');
  });

  it('reports bad DOT as SvgRenderError', async () => {
    await expect(renderSvg('digraph { a -> ')).rejects.toBeInstanceOf(SvgRenderError);
  });
});
