/**
 * Removes unknown-outcome writes and swaps that can never help a
 * linearization, before the search. Each unknown-outcome operation doubles
 * the configurations the search may visit (placed or not), so this is where
 * timeouts stop costing exponential time in the common case of unique values.
 *
 * An unknown-outcome write or cas that sets value v can be left out when no
 * other operation can tell that the key holds v: no completed read returned
 * v, no cas expected v, and no cas failed its comparison (a failed cas
 * expecting x is enabled by any value other than x). Then the only operations
 * that may follow it are writes, which reach the same state with or without
 * it, so leaving it out (it "did not take effect") loses no linearization.
 */
import type { KeyPartition, PreparedOperation } from './partition.js';

/** The partition without useless unknown-outcome operations, plus their history indexes. */
export interface PrunedPartition {
  partition: KeyPartition;
  prunedIndexes: number[];
}

function observableValueIds(operations: readonly PreparedOperation[]): Set<number> | 'all' {
  const observable = new Set<number>();
  for (const operation of operations) {
    if (operation.kind === 'read') observable.add(operation.valueId);
    if (operation.kind === 'cas') {
      if (operation.casSwapped === false) return 'all';
      observable.add(operation.expectedId);
    }
  }
  return observable;
}

/** Drops unknown-outcome writes and cas whose new value no operation can observe. */
export function pruneUnobservablePending(partition: KeyPartition): PrunedPartition {
  const observable = observableValueIds(partition.operations);
  if (observable === 'all') return { partition, prunedIndexes: [] };
  const kept: PreparedOperation[] = [];
  const prunedIndexes: number[] = [];
  for (const operation of partition.operations) {
    const useless = operation.pending && operation.kind !== 'read' && !observable.has(operation.valueId);
    if (useless) prunedIndexes.push(operation.index);
    else kept.push(operation);
  }
  return { partition: { ...partition, operations: kept }, prunedIndexes };
}
