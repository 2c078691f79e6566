/**
 * The checker's entry point: drop, partition, prune, then search each key
 * within a budget, and report the first key that is not linearizable.
 */
import type { KeyAnomaly } from './anomaly.js';
import { findProof, KeyFacts } from './diagnose.js';
import { explainAnomaly } from './explain.js';
import type { History, RegisterValue } from './history.js';
import { assert } from './errors.js';
import { partitionHistory } from './partition.js';
import type { KeyPartition } from './partition.js';
import { pruneUnobservablePending } from './prune.js';
import type { BudgetExhausted } from './search.js';
import { searchPartition } from './search.js';

/** Limits and inputs of a check. All optional. */
export interface CheckOptions {
  /** Search steps allowed per key (default 5,000,000; about a second or two). */
  maxStepsPerKey?: number;
  /** Wall time allowed for the whole check, in ms (default 60,000). */
  maxMs?: number;
  /** Memoized configurations allowed per key (default 2,000,000; bounds memory). */
  maxCacheEntriesPerKey?: number;
  /** Each key's value before the history (default: absent). */
  initialValues?: Readonly<Record<string, RegisterValue>>;
  /** Clock in ms for the time budget (default `performance.now`); inject one in tests. */
  now?: () => number;
}

/** Counts that describe a check. */
export interface CheckStats {
  operations: number;
  /** Dropped by the drop rule (definite failures, unknown-outcome reads). */
  dropped: number;
  /** Unknown-outcome writes and cas left out because nothing could observe them. */
  pruned: number;
  keys: number;
  steps: number;
  elapsedMs: number;
}

/** Every key has a linearization. */
export interface LinearizableResult {
  ok: true;
  status: 'linearizable';
  stats: CheckStats;
}

/** Some key has none; the fields of the first such key (sorted key order) are spread in. */
export interface NotLinearizableResult extends KeyAnomaly {
  ok: false;
  status: 'not-linearizable';
  /** Every key found not linearizable, the first one included. */
  anomalies: KeyAnomaly[];
  stats: CheckStats;
}

/** No anomaly found, but the budget ran out on some key before it was decided. */
export interface UnknownResult {
  ok: false;
  status: 'unknown';
  reason: BudgetExhausted;
  /** Keys whose search was cut short or never started. */
  undecidedKeys: string[];
  stats: CheckStats;
}

/** The verdict of {@link checkHistory}. `ok` is true only when linearizable. */
export type CheckResult = LinearizableResult | NotLinearizableResult | UnknownResult;

/**
 * Search steps spent on a key that a simple proof already shows is not
 * linearizable: enough for a full report in ordinary histories, without
 * paying for an exponential one.
 */
const reportSearchSteps = 200_000;

/** The simple proofs' view of a key: all its operations that survived the drop rule (pruned ones included). */
function keyFacts(history: History, unpruned: KeyPartition): KeyFacts {
  const operations = unpruned.operations.map(({ index }) => ({ index, operation: history[index]! }));
  return new KeyFacts(operations, unpruned.initialValue);
}

/** Checks that `history` is linearizable for a key-value register with read, write and cas. */
export function checkHistory(history: History, options: CheckOptions = {}): CheckResult {
  const now = options.now ?? (() => performance.now());
  const startedMs = now();
  const deadlineMs = startedMs + (options.maxMs ?? 60_000);
  const maxSteps = options.maxStepsPerKey ?? 5_000_000;
  const maxCacheEntries = options.maxCacheEntriesPerKey ?? 2_000_000;
  const { partitions, droppedIndexes } = partitionHistory(history, options.initialValues);
  const stats: CheckStats = { operations: history.length, dropped: droppedIndexes.length, pruned: 0, keys: partitions.length, steps: 0, elapsedMs: 0 };
  const anomalies: KeyAnomaly[] = [];
  const undecidedKeys: string[] = [];
  let reason: BudgetExhausted | undefined;

  for (const unpruned of partitions) {
    if (reason === 'time-budget') {
      undecidedKeys.push(unpruned.key);
      continue;
    }
    const { partition, prunedIndexes } = pruneUnobservablePending(unpruned);
    stats.pruned += prunedIndexes.length;
    // A simple proof decides the key at once; the search then only serves the report.
    const facts = keyFacts(history, unpruned);
    const proof = findProof(facts);
    const stepsForKey = proof === undefined ? maxSteps : Math.min(maxSteps, reportSearchSteps);
    const outcome = searchPartition(partition, { maxSteps: stepsForKey, maxCacheEntries, deadlineMs, now });
    stats.steps += outcome.steps;
    assert(!(proof && outcome.status === 'linearizable'), `key ${partition.key}: a proof of an anomaly, yet the search found a linearization`);
    if (outcome.status !== 'linearizable' && (outcome.status === 'not-linearizable' || proof !== undefined)) {
      const searchComplete = outcome.status === 'not-linearizable';
      anomalies.push(explainAnomaly(history, partition, { longestPrefix: outcome.longestPrefix, searchComplete, facts, ...(proof ? { proof } : {}) }));
      continue;
    }
    if (outcome.status === 'unknown') {
      undecidedKeys.push(partition.key);
      reason = outcome.reason;
    }
  }
  stats.elapsedMs = now() - startedMs;
  const first = anomalies[0];
  if (first !== undefined) return { ok: false, status: 'not-linearizable', ...first, anomalies, stats };
  if (reason !== undefined) return { ok: false, status: 'unknown', reason, undecidedKeys, stats };
  return { ok: true, status: 'linearizable', stats };
}
