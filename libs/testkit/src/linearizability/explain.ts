/**
 * Turns a failed search into a {@link KeyAnomaly}: the longest partial
 * linearization, the operation that had to come next and could not, why each
 * possible next operation is impossible there, and a named diagnosis.
 */
import type { BlockedCandidate, IndexedOperation, KeyAnomaly, LinearizedStep } from './anomaly.js';
import { describeOperation, formatValue } from './describe.js';
import type { Diagnosis, KeyFacts } from './diagnose.js';
import { diagnoseOperation, findProof } from './diagnose.js';
import { assert } from './errors.js';
import type { History, Operation, RegisterValue } from './history.js';
import type { KeyPartition, PreparedOperation } from './partition.js';
import { illegalStep, stepRegister } from './register-model.js';

/** How many steps of the prefix the explanation prints (the last ones). */
const prefixLinesShown = 8;

/** The real value after `operation`, which a linearization placed legally (so a cas placed swapped unless it recorded a failure). */
function valueAfter(value: RegisterValue, operation: Operation): RegisterValue {
  const { op, output } = operation;
  if (op.kind === 'write') return op.value ?? null;
  if (op.kind === 'cas' && (operation.return === null || output.ok !== false)) return op.value ?? null;
  return value;
}

function whyImpossible(operation: PreparedOperation, state: number, value: RegisterValue, partition: KeyPartition, searchComplete: boolean): string {
  const holds = formatValue(value);
  // After a complete search only an unknown-outcome operation can be legal
  // here (a legal completed one would have made the prefix longer).
  if (stepRegister(state, operation) !== illegalStep) {
    return searchComplete ? 'it may take effect here, but every continuation after it fails too' : 'it may take effect here (the search stopped before trying every continuation)';
  }
  switch (operation.kind) {
    case 'read':
      return `it returned ${formatValue(partition.values[operation.valueId])}, but the key holds ${holds}`;
    case 'cas':
      if (operation.casSwapped === false) return `its comparison failed, but the key holds ${holds}, the expected value`;
      return `it expects ${formatValue(partition.values[operation.expectedId])}, but the key holds ${holds}`;
    case 'write':
      return 'unreachable: a write is always legal';
  }
}

function indexed(history: History, index: number): IndexedOperation {
  return { index, operation: history[index]! };
}

/** What the checker knows about a key it reports as not linearizable. */
export interface AnomalyEvidence {
  /** The longest partial linearization found (positions in `partition.operations`). */
  longestPrefix: readonly number[];
  /** True when the search finished; false when a simple proof decided and the search was cut short. */
  searchComplete: boolean;
  /** The key's operations indexed for the simple proofs. */
  facts: KeyFacts;
  /** A simple proof already found, if any. */
  proof?: Diagnosis;
}

/** Builds the anomaly report for `partition` (after pruning) from the evidence. */
export function explainAnomaly(history: History, partition: KeyPartition, evidence: AnomalyEvidence): KeyAnomaly {
  const { longestPrefix, searchComplete, facts } = evidence;
  const operations = partition.operations;
  const placed = new Set(longestPrefix);
  const linearizedPrefix: LinearizedStep[] = [];
  let state = partition.initialValueId;
  let value = partition.initialValue;
  for (const position of longestPrefix) {
    const operation = operations[position]!;
    state = stepRegister(state, operation);
    assert(state !== illegalStep, `longest prefix has an illegal step at #${operation.index}`);
    value = valueAfter(value, history[operation.index]!);
    linearizedPrefix.push({ ...indexed(history, operation.index), valueAfter: value });
  }
  // The completed operation that returns first must go next; every operation
  // called by then could go next. No completed one can, or the prefix would
  // hold more completed operations.
  const unplaced = operations.map((operation, position) => ({ operation, position })).filter(({ position }) => !placed.has(position));
  const blocked = unplaced
    .filter(({ operation }) => !operation.pending)
    .reduce((best, next) => (next.operation.return < best.operation.return ? next : best));
  const candidates: BlockedCandidate[] = unplaced
    .filter(({ operation }) => operation.call <= blocked.operation.return)
    .map(({ operation }) => ({ ...indexed(history, operation.index), reason: whyImpossible(operation, state, value, partition, searchComplete) }));
  const blockedOperation = indexed(history, blocked.operation.index);
  const diagnosis = diagnoseOperation(blockedOperation, facts) ?? evidence.proof ?? findProof(facts);

  const lastSetter = [...linearizedPrefix].reverse().find(({ operation }) => operation.op.kind !== 'read');
  const involvedByIndex = new Map<number, IndexedOperation>();
  for (const entry of [blockedOperation, ...candidates, ...(lastSetter ? [lastSetter] : []), ...(diagnosis?.involved ?? [])]) {
    involvedByIndex.set(entry.index, { index: entry.index, operation: entry.operation });
  }
  const operationsInvolved = [...involvedByIndex.values()].sort((a, b) => a.index - b.index);

  const valueAfterPrefix = value;
  const lines = [
    `Key ${JSON.stringify(partition.key)} is not linearizable${diagnosis ? ` (${diagnosis.kind})` : ''}.`,
    ...(diagnosis ? [diagnosis.sentence] : []),
    `The longest partial linearization the search found places ${linearizedPrefix.length} of the ${operations.length} operations checked on this key, dropped and pruned ones aside${linearizedPrefix.length > prefixLinesShown ? ` (last ${prefixLinesShown} shown)` : ''}:`,
    ...linearizedPrefix
      .map((step, order) => `  ${order + 1}. ${describeOperation(step.index, step.operation)}  => ${formatValue(step.valueAfter)}`)
      .slice(-prefixLinesShown),
    `After it the key holds ${formatValue(valueAfterPrefix)}${lastSetter ? ` (set by #${lastSetter.index})` : ' (its initial value)'}. ${describeOperation(blockedOperation.index, blockedOperation.operation)} must take effect by ${blocked.operation.return}, but no operation that may go next can:`,
    ...candidates.map((candidate) => `  - ${describeOperation(candidate.index, candidate.operation)}: ${candidate.reason}`),
    searchComplete
      ? 'Every other order was searched (or is equivalent to one searched) and fails too.'
      : 'The search stopped before trying every order; the proof above does not depend on it.',
  ];
  return {
    key: partition.key,
    kind: diagnosis?.kind ?? 'no-linearization',
    linearizedPrefix,
    valueAfterPrefix,
    blockedOperation,
    candidates,
    operationsInvolved,
    explanation: lines.join('\n'),
  };
}
