/**
 * A machine's chart as plain data (nodes and edges), read from the machine
 * definition itself, never drawn by hand. Mermaid, DOT and the JSON of
 * `mgmt viz` are all rendered from this one model.
 */
import type { AnyStateMachine, StateNode, TransitionDefinition } from 'xstate';

/** One state of the chart. */
export interface ChartNode {
  /** Full XState id, e.g. `lifecycle.peer.running`. */
  id: string;
  /** Last path segment, e.g. `running`. */
  key: string;
  /** Id of the parent state; null for the machine's root. */
  parent: string | null;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** Id of the initial child of a compound state. */
  initial: string | null;
  description: string | null;
}

/** What makes a transition fire. */
export type ChartEdgeKind = 'event' | 'always' | 'after' | 'done' | 'error';

/** One transition of the chart (targetless transitions, which only run actions, are left out). */
export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  kind: ChartEdgeKind;
  /** The event type as XState names it (`xstate.after.retryDelay.nominator.backoff` for a delay). */
  event: string;
  /** The guard as text (`!isLeaderWithPeers`), or null. */
  guard: string | null;
  /** What a reader sees: `seed.connected`, `after connectRetryDelay`, `always [hasSeeds]`. */
  label: string;
}

/** The chart of one machine. */
export interface MachineChart {
  /** The machine id (`lifecycle`, `nominator`). */
  id: string;
  /** Id of the root's initial state. */
  initial: string | null;
  /** Every state except the root, parents before children, in definition order. */
  nodes: ChartNode[];
  edges: ChartEdge[];
}

type AnyNode = StateNode<never, never>;
type AnyTransition = TransitionDefinition<never, never>;

/** The chart of `machine` as plain JSON-serializable data. */
export function machineToJson(machine: AnyStateMachine): MachineChart {
  const root = machine.root as unknown as AnyNode;
  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  const visit = (node: AnyNode): void => {
    if (node !== root) nodes.push(toChartNode(node, root));
    for (const transition of transitionsOf(node)) {
      for (const target of transition.target ?? []) {
        const edge = toChartEdge(node, target as unknown as AnyNode, transition, machine.id);
        edges.push({ ...edge, id: `${edge.source}->${edge.target}#${edges.length}` });
      }
    }
    for (const child of Object.values(node.states) as AnyNode[]) visit(child);
  };
  visit(root);
  return { id: machine.id, initial: initialOf(root), nodes, edges };
}

function toChartNode(node: AnyNode, root: AnyNode): ChartNode {
  const parent = node.parent as AnyNode | undefined;
  return {
    id: node.id,
    key: node.key,
    parent: parent === undefined || parent === root ? null : parent.id,
    type: node.type,
    initial: initialOf(node),
    description: node.description ?? null,
  };
}

function initialOf(node: AnyNode): string | null {
  if (node.type !== 'compound') return null;
  const target = node.initial.target[0] as unknown as AnyNode | undefined;
  return target?.id ?? null;
}

function transitionsOf(node: AnyNode): AnyTransition[] {
  const evented = [...node.transitions.values()].flat() as AnyTransition[];
  const always = (node.always ?? []) as AnyTransition[];
  return [...evented, ...always];
}

function toChartEdge(source: AnyNode, target: AnyNode, transition: AnyTransition, machineId: string): Omit<ChartEdge, 'id'> {
  const event = String(transition.eventType ?? '');
  const guard = transition.guard === undefined ? null : guardText(transition.guard);
  const { kind, text } = describeEvent(event, source.id, machineId);
  return {
    source: source.id,
    target: target.id,
    kind,
    event,
    guard,
    label: guard === null ? text : `${text} [${guard}]`,
  };
}

function describeEvent(event: string, sourceId: string, machineId: string): { kind: ChartEdgeKind; text: string } {
  if (event === '') return { kind: 'always', text: 'always' };
  if (event.startsWith('xstate.after.')) {
    const rest = event.slice('xstate.after.'.length);
    const delay = rest.endsWith(`.${sourceId}`) ? rest.slice(0, -(sourceId.length + 1)) : rest;
    return { kind: 'after', text: `after ${delay}` };
  }
  if (event.startsWith('xstate.done.actor.')) return { kind: 'done', text: `done ${event.slice(18)}` };
  if (event.startsWith('xstate.error.actor.')) return { kind: 'error', text: `error ${event.slice(19)}` };
  if (event.startsWith('xstate.done.state.')) return { kind: 'done', text: `done ${event.slice(18 + machineId.length + 1)}` };
  return { kind: 'event', text: event };
}

/** Renders a guard (named, `{ type }`, or XState's `not`/`and`/`or`) as text. */
export function guardText(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const combinator = guard as { name?: string; guards?: unknown[] };
    const parts = (combinator.guards ?? []).map(guardText);
    if (combinator.name === 'not') return `!${parts.length === 1 ? parts[0] : `(${parts.join(', ')})`}`;
    if (combinator.name === 'and') return `(${parts.join(' && ')})`;
    if (combinator.name === 'or') return `(${parts.join(' || ')})`;
    return combinator.name !== undefined && combinator.name !== '' ? combinator.name : 'guard';
  }
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'guard';
}
