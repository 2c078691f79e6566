/**
 * Validation of operation-form histories read from untrusted JSON. Every
 * rejection names the operation index and the field, so the CLI can print
 * one clear line.
 */
import { HistoryFormatError } from './errors.js';
import type { Operation, OperationKind, RegisterValue } from './history.js';

const operationKinds: readonly OperationKind[] = ['read', 'write', 'cas'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRegisterValue(value: unknown): value is RegisterValue {
  return value === null || typeof value === 'string';
}

function fail(index: number, message: string): never {
  throw new HistoryFormatError(`operation #${index}: ${message}`);
}

function parseOperation(raw: unknown, index: number): Operation {
  if (!isRecord(raw)) fail(index, 'is not an object');
  const { client, op, call, output } = raw;
  const returned = raw['return'];
  if (typeof client !== 'number' && typeof client !== 'string') fail(index, "'client' must be a number or a string");
  if (!isRecord(op)) fail(index, "'op' must be an object");
  if (typeof op['kind'] !== 'string' || !operationKinds.includes(op['kind'] as OperationKind)) {
    fail(index, "'op.kind' must be 'read', 'write' or 'cas'");
  }
  const kind = op['kind'] as OperationKind;
  if (typeof op['key'] !== 'string') fail(index, "'op.key' must be a string");
  if (typeof call !== 'number' || !Number.isFinite(call)) fail(index, "'call' must be a finite number");
  if (returned !== null && (typeof returned !== 'number' || !Number.isFinite(returned))) {
    fail(index, "'return' must be a finite number or null (unknown outcome)");
  }
  if (returned !== null && returned < call) fail(index, `'return' (${returned}) is before 'call' (${call})`);
  const out = output === undefined ? {} : output;
  if (!isRecord(out)) fail(index, "'output' must be an object");
  if (out['ok'] !== undefined && typeof out['ok'] !== 'boolean') fail(index, "'output.ok' must be a boolean");
  if (out['error'] !== undefined && typeof out['error'] !== 'string') fail(index, "'output.error' must be a string");

  const operation: Operation = { client, op: { kind, key: op['key'] }, call, return: returned, output: {} };
  if (typeof out['ok'] === 'boolean') operation.output.ok = out['ok'];
  if (typeof out['error'] === 'string') operation.output.error = out['error'];
  const failed = out['error'] !== undefined || (kind !== 'cas' && out['ok'] === false);

  if (kind === 'write' || kind === 'cas') {
    if (!isRegisterValue(op['value'])) fail(index, `a ${kind} needs 'op.value' (a string, or null for absent)`);
    operation.op.value = op['value'];
  }
  if (kind === 'cas') {
    if (!isRegisterValue(op['expected'])) fail(index, "a cas needs 'op.expected' (a string, or null for absent)");
    operation.op.expected = op['expected'];
  }
  if (kind === 'read' && returned !== null && !failed) {
    if (!isRegisterValue(out['value'])) fail(index, "a completed read needs 'output.value' (a string, or null for absent)");
    operation.output.value = out['value'];
  }
  return operation;
}

/**
 * Checks that `raw` (parsed JSON) is an operation-form history and returns it
 * typed. Throws {@link HistoryFormatError} naming the first bad operation.
 */
export function parseHistory(raw: unknown): Operation[] {
  if (!Array.isArray(raw)) throw new HistoryFormatError('a history must be an array of operations');
  return raw.map((entry, index) => parseOperation(entry, index));
}
