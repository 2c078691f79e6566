// Proves that history files are read in every documented shape (operation
// array, event array, wrapper object with initial values, JSON Lines) and
// that bad input is rejected with one message naming the operation and field.
import { describe, expect, it } from 'vitest';
import { HistoryFormatError } from './errors.js';
import { parseHistoryFile } from './history-file.js';
import { parseHistory } from './validate.js';

const writeA = { client: 1, op: { kind: 'write', key: 'x', value: 'a' }, call: 0, return: 1, output: {} };
const readA = { client: 2, op: { kind: 'read', key: 'x' }, call: 2, return: 3, output: { value: 'a' } };

describe('parseHistory', () => {
  it('accepts valid operations, unknown outcomes and failures', () => {
    const lost = { ...writeA, return: null };
    const failed = { ...readA, output: { error: 'timeout' } };
    expect(parseHistory([writeA, readA, lost, failed])).toHaveLength(4);
  });

  it.each([
    [{}, "operation #0: 'client' must be a number or a string"],
    [{ ...writeA, op: { kind: 'delete', key: 'x' } }, "operation #0: 'op.kind' must be 'read', 'write' or 'cas'"],
    [{ ...writeA, call: '0' }, "operation #0: 'call' must be a finite number"],
    [{ ...writeA, return: undefined }, "operation #0: 'return' must be a finite number or null (unknown outcome)"],
    [{ ...writeA, call: 5, return: 4 }, "operation #0: 'return' (4) is before 'call' (5)"],
    [{ ...writeA, op: { kind: 'write', key: 'x' } }, "operation #0: a write needs 'op.value' (a string, or null for absent)"],
    [{ ...writeA, op: { kind: 'cas', key: 'x', value: 'b' } }, "operation #0: a cas needs 'op.expected' (a string, or null for absent)"],
    [{ ...readA, output: {} }, "operation #0: a completed read needs 'output.value' (a string, or null for absent)"],
  ])('rejects a bad operation with one message (%#)', (operation, message) => {
    expect(() => parseHistory([operation])).toThrowError(new HistoryFormatError(message));
  });
});

describe('parseHistoryFile', () => {
  it('reads an operation array, an event array and a wrapper object', () => {
    expect(parseHistoryFile(JSON.stringify([writeA, readA])).form).toBe('operations');
    const events = [{ type: 'invoke', process: 0, f: 'read', key: 'x' }, { type: 'ok', process: 0, f: 'read', value: null }];
    expect(parseHistoryFile(JSON.stringify(events)).form).toBe('events');
    const wrapped = parseHistoryFile(JSON.stringify({ operations: [readA], initialValues: { x: 'a' } }));
    expect(wrapped.initialValues).toEqual({ x: 'a' });
    expect(parseHistoryFile(JSON.stringify({ events })).history).toHaveLength(1);
  });

  it('reads JSON Lines', () => {
    const text = `${JSON.stringify(writeA)}\n${JSON.stringify(readA)}\n`;
    expect(parseHistoryFile(text).history).toHaveLength(2);
  });

  it('rejects text that is not a history', () => {
    expect(() => parseHistoryFile('nonsense')).toThrowError(HistoryFormatError);
    expect(() => parseHistoryFile('{"ops": []}')).toThrowError(/expected an array of operations or events/);
  });
});
