/**
 * Simple, independent proofs that a key's history is not linearizable. They
 * do not decide anything (the search does); they name the anomaly in terms a
 * person recognizes, once the search has found one.
 */
import type { AnomalyKind, IndexedOperation } from './anomaly.js';
import { describeOperation, formatValue } from './describe.js';
import type { RegisterValue } from './history.js';

/** A named anomaly with the sentence that proves it and the operations it cites. */
export interface Diagnosis {
  kind: Exclude<AnomalyKind, 'no-linearization'>;
  sentence: string;
  involved: IndexedOperation[];
}

function isCompleted({ operation }: IndexedOperation): boolean {
  return operation.return !== null;
}

/** Whether the operation may have set the key to `value` (a write, or a cas that swapped or may have). */
function mayInstall({ operation }: IndexedOperation, value: RegisterValue): boolean {
  const { op, output } = operation;
  if (op.kind === 'write') return op.value === value;
  if (op.kind === 'cas') return op.value === value && (operation.return === null || output.ok !== false);
  return false;
}

/** Whether the operation surely set the key to something other than `value` within its interval. */
function surelyOverwrites({ operation }: IndexedOperation, value: RegisterValue): boolean {
  if (operation.return === null) return false;
  const { op, output } = operation;
  if (op.kind === 'write') return op.value !== value;
  return op.kind === 'cas' && output.ok !== false && op.value !== value;
}

function readOfUnwrittenValue(read: IndexedOperation, operations: readonly IndexedOperation[], initial: RegisterValue): Diagnosis | undefined {
  const seen = read.operation.output.value ?? null;
  if (seen === initial || operations.some((candidate) => mayInstall(candidate, seen))) return undefined;
  return {
    kind: 'read-of-unwritten-value',
    sentence: `${describeOperation(read.index, read.operation)} returned ${formatValue(seen)}, but no operation ever wrote ${formatValue(seen)} to this key (its initial value is ${formatValue(initial)}).`,
    involved: [read],
  };
}

function staleRead(read: IndexedOperation, operations: readonly IndexedOperation[], initial: RegisterValue): Diagnosis | undefined {
  const seen = read.operation.output.value ?? null;
  const readCall = read.operation.call;
  const overwriters = operations.filter((candidate) => surelyOverwrites(candidate, seen) && (candidate.operation.return as number) < readCall);
  const installers = operations.filter((candidate) => candidate !== read && mayInstall(candidate, seen));
  // Each way the read's value got there must have been overwritten before the read began.
  const supersededBy = (after: number): IndexedOperation | undefined => overwriters.find((o) => o.operation.call > after);
  const initialSuperseder = seen === initial ? supersededBy(-Infinity) : undefined;
  if (seen === initial && initialSuperseder === undefined) return undefined;
  const involved: IndexedOperation[] = [read];
  if (initialSuperseder !== undefined) involved.push(initialSuperseder);
  for (const installer of installers) {
    const superseder = installer.operation.return === null ? undefined : supersededBy(installer.operation.return);
    if (superseder === undefined) return undefined;
    involved.push(installer, superseder);
  }
  if (involved.length === 1) return undefined;
  const last = involved[involved.length - 1]!;
  return {
    kind: 'stale-read',
    sentence: `${describeOperation(read.index, read.operation)} returned ${formatValue(seen)}, but ${formatValue(seen)} had already been overwritten before the read began: e.g. ${describeOperation(last.index, last.operation)} completed at ${String(last.operation.return)}, before the read's call at ${readCall}.`,
    involved,
  };
}

function duplicateCas(cas: IndexedOperation, operations: readonly IndexedOperation[], initial: RegisterValue): Diagnosis | undefined {
  const from = cas.operation.op.expected ?? null;
  const swapsFrom = operations.filter(({ operation: o }) =>
    o.op.kind === 'cas' && o.return !== null && o.output.ok !== false && (o.op.expected ?? null) === from && o.op.value !== from);
  const installs = operations.filter((candidate) => mayInstall(candidate, from));
  const installCount = installs.length + (initial === from ? 1 : 0);
  if (swapsFrom.length <= installCount) return undefined;
  return {
    kind: 'duplicate-cas',
    sentence: `${swapsFrom.length} compare-and-sets swapped from ${formatValue(from)} (${swapsFrom.map((s) => `#${s.index}`).join(', ')}), but ${formatValue(from)} was put in the key only ${installCount} time(s); each swap needs its own.`,
    involved: [...swapsFrom, ...installs],
  };
}

function diagnoseOne(subject: IndexedOperation, operations: readonly IndexedOperation[], initial: RegisterValue): Diagnosis | undefined {
  if (!isCompleted(subject)) return undefined;
  const { op, output } = subject.operation;
  if (op.kind === 'read') return readOfUnwrittenValue(subject, operations, initial) ?? staleRead(subject, operations, initial);
  if (op.kind === 'cas' && output.ok !== false && op.value !== op.expected) return duplicateCas(subject, operations, initial);
  return undefined;
}

/**
 * Names the anomaly: first about `focus` (the operation the search could not
 * place), then about any operation of the key. `operations` are the key's
 * operations that survived the drop rule.
 */
export function diagnose(focus: IndexedOperation, operations: readonly IndexedOperation[], initial: RegisterValue): Diagnosis | undefined {
  const direct = diagnoseOne(focus, operations, initial);
  if (direct !== undefined) return direct;
  for (const subject of operations) {
    const found = diagnoseOne(subject, operations, initial);
    if (found !== undefined) return found;
  }
  return undefined;
}
