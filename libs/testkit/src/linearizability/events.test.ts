// Proves the event-list form converts to the operation form as documented:
// invoke/ok pairs per process, `fail` marked as a definite failure (then
// dropped), `info` and missing completions as unknown outcomes, Jepsen's
// [expected, new] cas pairs, and one clear error for a malformed list.
import { describe, expect, it } from 'vitest';
import { checkHistory } from './check.js';
import { HistoryFormatError } from './errors.js';
import { eventsToHistory } from './events.js';
import type { HistoryEvent } from './events.js';

describe('eventsToHistory', () => {
  it('pairs each invoke with the next completion of the same process', () => {
    const events: HistoryEvent[] = [
      { type: 'invoke', process: 0, f: 'write', key: 'x', value: 'a', time: 0 },
      { type: 'invoke', process: 1, f: 'read', key: 'x', time: 1 },
      { type: 'ok', process: 0, f: 'write', key: 'x', value: 'a', time: 2 },
      { type: 'ok', process: 1, f: 'read', key: 'x', value: 'a', time: 3 },
      { type: 'invoke', process: 0, f: 'cas', key: 'x', value: ['a', 'b'], time: 4 },
      { type: 'ok', process: 0, f: 'cas', time: 5 },
      { type: 'invoke', process: 1, f: 'cas', key: 'x', expected: 'a', value: 'c', time: 6 },
      { type: 'ok', process: 1, f: 'cas', ok: false, time: 7 },
    ];
    expect(eventsToHistory(events)).toEqual([
      { client: 0, op: { kind: 'write', key: 'x', value: 'a' }, call: 0, return: 2, output: {} },
      { client: 1, op: { kind: 'read', key: 'x' }, call: 1, return: 3, output: { value: 'a' } },
      { client: 0, op: { kind: 'cas', key: 'x', expected: 'a', value: 'b' }, call: 4, return: 5, output: { ok: true } },
      { client: 1, op: { kind: 'cas', key: 'x', expected: 'a', value: 'c' }, call: 6, return: 7, output: { ok: false } },
    ]);
    expect(checkHistory(eventsToHistory(events)).ok).toBe(true);
  });

  it('marks fail as a definite failure, info and unfinished invokes as unknown outcomes', () => {
    const history = eventsToHistory([
      { type: 'invoke', process: 0, f: 'write', key: 'x', value: 'a' },
      { type: 'fail', process: 0, f: 'write' },
      { type: 'invoke', process: 1, f: 'write', key: 'x', value: 'b' },
      { type: 'info', process: 1, f: 'write' },
      { type: 'invoke', process: 2, f: 'write', key: 'x', value: 'c' },
      { type: 'invoke', process: 3, f: 'read', key: 'x' },
      { type: 'ok', process: 3, f: 'read', value: 'b' },
    ]);
    expect(history.map((operation) => [operation.call, operation.return, operation.output.error])).toEqual([
      [0, 1, 'fail event'], [2, null, undefined], [4, null, undefined], [5, 6, undefined],
    ]);
    const result = checkHistory(history);
    expect(result.ok).toBe(true);
    expect(result.stats.dropped).toBe(1);
  });

  it('finds the anomaly a failed write would hide if it were kept', () => {
    const history = eventsToHistory([
      { type: 'invoke', process: 0, f: 'write', key: 'x', value: 'a' },
      { type: 'fail', process: 0, f: 'write' },
      { type: 'invoke', process: 1, f: 'read', key: 'x' },
      { type: 'ok', process: 1, f: 'read', value: 'a' },
    ]);
    expect(checkHistory(history).status).toBe('not-linearizable');
  });

  it.each([
    [[{ type: 'ok', process: 0, f: 'read', value: 'a' }], 'event #0: ok for process 0 which has no operation in flight'],
    [[{ type: 'invoke', process: 0, f: 'read', key: 'x' }, { type: 'invoke', process: 0, f: 'read', key: 'x' }], 'event #1: process 0 invokes while its previous operation is in flight'],
    [[{ type: 'invoke', process: 0, f: 'cas', key: 'x', value: 'b' }], "event #0: a cas invoke needs 'value' as [expected, new], or 'expected' and 'value'"],
    [[{ type: 'invoke', process: 0, f: 'read', key: 'x' }, { type: 'ok', process: 0, f: 'write' }], 'event #1: completes a read with f=write'],
    [[{ type: 'begin', process: 0, f: 'read' }], "event #0: 'type' must be invoke, ok, fail or info"],
    [[{ type: 'invoke', process: 0, f: 'read', key: 'x', time: 5 }, { type: 'ok', process: 0, f: 'read', value: null, time: 4 }], 'event #1: time 4 goes backwards (previous event at 5)'],
  ])('rejects a malformed list with one message (%#)', (events, message) => {
    expect(() => eventsToHistory(events)).toThrowError(new HistoryFormatError(message));
  });
});
