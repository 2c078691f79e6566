/** One-line, human-readable descriptions of values and operations, shared by reports. */
import type { Operation, RegisterValue } from './history.js';

/** A value as reports print it: quoted JSON for strings, `absent` for null. */
export function formatValue(value: RegisterValue | undefined): string {
  return value === null || value === undefined ? 'absent' : JSON.stringify(value);
}

/** What the operation did, without who or when, e.g. `read -> "a"` or `cas "a"->"b" failed`. */
export function describeAction(operation: Operation): string {
  const { op, output } = operation;
  const unknown = operation.return === null;
  switch (op.kind) {
    case 'read':
      if (output.error !== undefined || output.ok === false || unknown) return 'read -> ?';
      return `read -> ${formatValue(output.value)}`;
    case 'write':
      return `write ${formatValue(op.value)}`;
    case 'cas': {
      const swap = `cas ${formatValue(op.expected)}->${formatValue(op.value)}`;
      if (unknown || output.error !== undefined) return swap;
      return output.ok === false ? `${swap} failed` : `${swap} ok`;
    }
  }
}

/** The interval of an operation, e.g. `[10, 25]` or `[10, ?)` for an unknown outcome. */
export function formatInterval(operation: Operation): string {
  return operation.return === null ? `[${operation.call}, ?)` : `[${operation.call}, ${operation.return}]`;
}

/** A full one-line description, e.g. `#4 read -> "a" by client 3 at [30, 40]`. */
export function describeOperation(index: number, operation: Operation): string {
  const outcome = operation.return === null ? ' (outcome unknown)' : operation.output.error !== undefined ? ` (failed: ${operation.output.error})` : '';
  return `#${index} ${describeAction(operation)} by client ${String(operation.client)} at ${formatInterval(operation)}${outcome}`;
}
