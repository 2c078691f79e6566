/**
 * Prepares a history for the search: drops operations that cannot constrain
 * anything, splits the rest by key, and interns values to small integers.
 *
 * Splitting by key is sound because linearizability is local (Herlihy and
 * Wing 1990, Theorem 1): a history is linearizable iff its restriction to
 * each object is. Every key is an independent register.
 *
 * The drop rule: an operation is dropped when
 * - it has `output.error` (it definitely failed without effect), or
 * - it is a read or write with `output.ok === false` (same meaning), or
 * - it is a read whose outcome is unknown (`return: null`): nobody saw its
 *   result, so it constrains nothing.
 * A cas with `output.ok === false` is kept: the comparison failed, which says
 * the key did not hold `expected` at that moment.
 *
 * Values that no operation observes (no read returned them, no cas expected
 * them) share one id: the register model only ever compares the state with
 * read and expected values, so such values are indistinguishable, and
 * merging them lets the memo merge configurations that differ only there
 * (with unique written values, most writes nobody read).
 */
import type { History, Operation, OperationKind, RegisterValue } from './history.js';

/** The interned id of `null` (absent) in every partition. */
export const absentValueId = 0;

/** An operation ready for the search, local to one key. */
export interface PreparedOperation {
  /** Index of the operation in the original history. */
  index: number;
  kind: OperationKind;
  /** write/cas: the new value; read: the value seen. */
  valueId: number;
  /** cas: the expected value; otherwise -1. */
  expectedId: number;
  /** cas: true = swapped, false = comparison failed, null = unknown outcome. */
  casSwapped: boolean | null;
  call: number;
  /** Return time; `Infinity` when the outcome is unknown. */
  return: number;
  /** True when the outcome is unknown: it may be left out of the linearization. */
  pending: boolean;
}

/** All the kept operations on one key. */
export interface KeyPartition {
  key: string;
  /**
   * Completed operations first, sorted by (return time, history index), then
   * the unknown-outcome ones in history order. The search relies on the
   * first order: the completed operations placed are always a prefix of it
   * plus a few beyond, which is how its memo stores them compactly.
   */
  operations: PreparedOperation[];
  /**
   * Interned values: id -> value; id 0 is `null` (absent). The slot of
   * `unobservedValueId` holds a placeholder: to show what the key held,
   * replay the operations on real values.
   */
  values: RegisterValue[];
  /** The id shared by all values no read or cas observes. */
  unobservedValueId: number;
  initialValueId: number;
  /** The key's value before the history. */
  initialValue: RegisterValue;
}

/** The partitions of a history plus the indexes of the dropped operations. */
export interface PartitionedHistory {
  partitions: KeyPartition[];
  droppedIndexes: number[];
}

/** Whether the drop rule (see the file comment) removes `operation` before checking. */
export function isDropped(operation: Operation): boolean {
  if (operation.output.error !== undefined) return true;
  if (operation.op.kind !== 'cas' && operation.output.ok === false) return true;
  return operation.op.kind === 'read' && operation.return === null;
}

class ValueInterner {
  readonly values: RegisterValue[] = [null];
  private readonly ids = new Map<string, number>();

  idOf(value: RegisterValue | undefined): number {
    if (value === null || value === undefined) return absentValueId;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

function prepare(operation: Operation, index: number, interner: ValueInterner): PreparedOperation {
  const { kind } = operation.op;
  const pending = operation.return === null;
  return {
    index,
    kind,
    valueId: interner.idOf(kind === 'read' ? operation.output.value : operation.op.value),
    expectedId: kind === 'cas' ? interner.idOf(operation.op.expected) : -1,
    casSwapped: kind !== 'cas' || pending ? null : operation.output.ok !== false,
    call: operation.call,
    return: pending ? Infinity : (operation.return as number),
    pending,
  };
}

/**
 * Splits `history` into one partition per key (keys in sorted order), after
 * the drop rule. `initialValues` gives a key's value before the history
 * (default: absent).
 */
export function partitionHistory(
  history: History,
  initialValues: Readonly<Record<string, RegisterValue>> = {},
): PartitionedHistory {
  const byKey = new Map<string, { interner: ValueInterner; operations: PreparedOperation[] }>();
  const droppedIndexes: number[] = [];
  history.forEach((operation, index) => {
    if (isDropped(operation)) {
      droppedIndexes.push(index);
      return;
    }
    let group = byKey.get(operation.op.key);
    if (group === undefined) {
      group = { interner: new ValueInterner(), operations: [] };
      byKey.set(operation.op.key, group);
    }
    group.operations.push(prepare(operation, index, group.interner));
  });
  const keys = [...byKey.keys()].sort();
  const partitions = keys.map((key): KeyPartition => {
    const group = byKey.get(key)!;
    const initialValue = initialValues[key] ?? null;
    const observed = new Set<number>();
    for (const operation of group.operations) observed.add(operation.kind === 'read' ? operation.valueId : operation.expectedId);
    const unobservedValueId = group.interner.values.length;
    const values = [...group.interner.values, null];
    const merged = (id: number): number => (observed.has(id) ? id : unobservedValueId);
    for (const operation of group.operations) if (operation.kind !== 'read') operation.valueId = merged(operation.valueId);
    const initialValueId = merged(group.interner.idOf(initialValue));
    const completed = group.operations.filter((o) => !o.pending).sort((a, b) => a.return - b.return || a.index - b.index);
    const operations = [...completed, ...group.operations.filter((o) => o.pending)];
    return { key, operations, values, unobservedValueId, initialValueId, initialValue };
  });
  return { partitions, droppedIndexes };
}
