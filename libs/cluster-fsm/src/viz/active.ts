/**
 * Which chart nodes are lit for a running actor: turns a snapshot's state
 * value into the full state ids the renderers highlight.
 */
import type { StateValue } from 'xstate';

/**
 * Full ids of every active state in `value`, ancestors included:
 * `{ peer: 'running' }` in machine `lifecycle` gives
 * `['lifecycle.peer', 'lifecycle.peer.running']`.
 */
export function activeStateIds(machineId: string, value: StateValue): string[] {
  const ids: string[] = [];
  const walk = (prefix: string, current: StateValue): void => {
    if (typeof current === 'string') {
      ids.push(`${prefix}.${current}`);
      return;
    }
    for (const [key, child] of Object.entries(current)) {
      ids.push(`${prefix}.${key}`);
      if (child !== undefined) walk(`${prefix}.${key}`, child);
    }
  };
  walk(machineId, value);
  return ids;
}

/** Accepts full ids (`lifecycle.peer.running`) or paths relative to the machine (`peer.running`). */
export function normalizeStateIds(machineId: string, ids: readonly string[]): Set<string> {
  return new Set(ids.map((id) => (id === machineId || id.startsWith(`${machineId}.`) ? id : `${machineId}.${id}`)));
}
