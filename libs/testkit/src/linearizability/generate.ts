/**
 * Generates histories that are linearizable by construction, for tests and
 * benchmarks: clients issue operations one at a time, each operation takes
 * effect at a random instant inside its real-time interval, and outputs come
 * from running a sequential register in the order of those instants.
 */
import { mulberry32 } from '../rng.js';
import type { Operation, OperationKind, RegisterValue } from './history.js';

/** Shape of a generated history. */
export interface GenerateOptions {
  seed: number;
  operations: number;
  clients: number;
  keys: number;
  /** Probability that an operation's outcome is unknown (`return: null`). Default 0. */
  unknownProbability?: number;
  /**
   * How many distinct values are written per key; 0 (the default) makes
   * every written value unique.
   */
  valueDomain?: number;
  /** Longest operation duration in time units (default 10). */
  maxDurationTicks?: number;
}

/** A generated history and the order in which its operations took effect. */
export interface GeneratedHistory {
  history: Operation[];
  /** History indexes, in the order they took effect (unapplied unknown ones left out). */
  linearization: number[];
}

/** mulberry32 (../rng.ts): a small seeded generator of floats in [0, 1). */
export const seededRandom: (seed: number) => () => number = mulberry32;

interface Planned {
  operation: Operation;
  index: number;
  effectTime: number;
  applied: boolean;
}

/** Generates a linearizable history of reads, writes and compare-and-sets (see the file comment). */
export function generateLinearizableHistory(options: GenerateOptions): GeneratedHistory {
  const random = seededRandom(options.seed);
  const integer = (below: number): number => Math.floor(random() * below);
  const maxDuration = options.maxDurationTicks ?? 10;
  const unknownProbability = options.unknownProbability ?? 0;
  const clientFreeAt = new Array<number>(options.clients).fill(0);
  const written = new Map<string, RegisterValue[]>();
  let uniqueCounter = 0;
  const nextValue = (key: string): string =>
    options.valueDomain ? `v${integer(options.valueDomain)}` : `${key}-${(uniqueCounter += 1)}`;

  const planned: Planned[] = [];
  for (let index = 0; index < options.operations; index += 1) {
    const client = integer(options.clients);
    const key = `k${integer(options.keys)}`;
    const call = clientFreeAt[client]! + integer(3);
    const returnTime = call + integer(maxDuration + 1);
    clientFreeAt[client] = returnTime + 1;
    const roll = random();
    const kind: OperationKind = roll < 0.4 ? 'read' : roll < 0.75 ? 'write' : 'cas';
    const operation: Operation = { client, op: { kind, key }, call, return: returnTime, output: {} };
    if (kind !== 'read') operation.op.value = nextValue(key);
    if (kind === 'cas') {
      const seen = written.get(key) ?? [null];
      operation.op.expected = seen[integer(seen.length)] ?? null;
    }
    if (kind !== 'read') {
      const values = written.get(key) ?? [null];
      values.push(operation.op.value ?? null);
      written.set(key, values);
    }
    const unknown = random() < unknownProbability;
    planned.push({ operation, index, effectTime: call + random() * (returnTime - call), applied: !unknown || random() < 0.5 });
    if (unknown) operation.return = null;
  }

  const state = new Map<string, RegisterValue>();
  const linearization: number[] = [];
  for (const step of [...planned].sort((a, b) => a.effectTime - b.effectTime || a.index - b.index)) {
    const { op, output } = step.operation;
    if (!step.applied) continue;
    linearization.push(step.index);
    const current = state.get(op.key) ?? null;
    if (op.kind === 'read') output.value = current;
    if (op.kind === 'write') state.set(op.key, op.value ?? null);
    if (op.kind === 'cas') {
      const swapped = current === (op.expected ?? null);
      if (swapped) state.set(op.key, op.value ?? null);
      if (step.operation.return !== null) output.ok = swapped;
    }
  }
  return { history: planned.map(({ operation }) => operation), linearization };
}
