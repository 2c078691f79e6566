/**
 * A deliberately naive linearizability checker for tiny histories, the
 * reference the real one is tested against: it tries every order of every
 * key's operations that respects real time, with its own copy of the
 * register's rules and of the drop rule. Exponential; use with <= 8
 * operations per key.
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

function linearizable(remaining: Operation[], value: RegisterValue): boolean {
  if (remaining.every((operation) => operation.return === null)) return true;
  return remaining.some((candidate, position) => {
    // It may go next only if no other remaining operation returned before it was called.
    const blocked = remaining.some((other) => other.return !== null && other.return < candidate.call);
    if (blocked) return false;
    const next = apply(value, candidate);
    if (next === undefined) return false;
    return linearizable(remaining.filter((_, i) => i !== position), next);
  });
}

/** Whether `history` is linearizable, by brute force. */
export function isLinearizableNaive(history: History, initialValues: Readonly<Record<string, RegisterValue>> = {}): boolean {
  const keys = new Set(history.map(({ op }) => op.key));
  return [...keys].every((key) =>
    linearizable(history.filter((operation) => operation.op.key === key && kept(operation)), initialValues[key] ?? null));
}
