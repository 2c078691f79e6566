/**
 * A deliberately naive linearizability checker for small histories, the
 * reference the real one is tested against: it tries every order of every
 * key's operations that respects real time, with its own copy of the
 * register's rules and of the drop rule, and none of the real checker's
 * pruning rules; only a plain memo of (operations left, value) that failed.
 * Exponential; use with <= 16 operations per key.
 */
import type { History, Operation, RegisterValue } from '../history.js';

function kept(operation: Operation): boolean {
  if (operation.output.error !== undefined) return false;
  if (operation.op.kind !== 'cas' && operation.output.ok === false) return false;
  return !(operation.op.kind === 'read' && operation.return === null);
}

/** The value after `operation` runs on `value`, or undefined if its recorded result is impossible. */
function apply(value: RegisterValue, operation: Operation): RegisterValue | undefined {
  const { op, output } = operation;
  if (op.kind === 'read') return (output.value ?? null) === value ? value : undefined;
  if (op.kind === 'write') return op.value ?? null;
  const matches = (op.expected ?? null) === value;
  if (operation.return !== null && output.ok === false) return matches ? undefined : value;
  return matches ? (op.value ?? null) : undefined;
}

function linearizable(operations: readonly Operation[], left: number, value: RegisterValue, failed: Set<string>): boolean {
  const remaining = operations.filter((_, i) => (left & (1 << i)) !== 0);
  if (remaining.every((operation) => operation.return === null)) return true;
  const memoKey = `${left}/${String(value)}`;
  if (failed.has(memoKey)) return false;
  const found = operations.some((candidate, i) => {
    if ((left & (1 << i)) === 0) return false;
    // It may go next only if no other remaining operation returned before it was called.
    const blocked = remaining.some((other) => other.return !== null && other.return < candidate.call);
    if (blocked) return false;
    const next = apply(value, candidate);
    return next !== undefined && linearizable(operations, left & ~(1 << i), next, failed);
  });
  if (!found) failed.add(memoKey);
  return found;
}

/** Whether `history` is linearizable, by brute force. */
export function isLinearizableNaive(history: History, initialValues: Readonly<Record<string, RegisterValue>> = {}): boolean {
  const keys = new Set(history.map(({ op }) => op.key));
  return [...keys].every((key) => {
    const operations = history.filter((operation) => operation.op.key === key && kept(operation));
    if (operations.length > 30) throw new Error('the naive checker takes at most 30 operations per key');
    return linearizable(operations, (1 << operations.length) - 1, initialValues[key] ?? null, new Set());
  });
}
