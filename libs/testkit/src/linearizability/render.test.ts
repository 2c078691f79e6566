// Proves the text timeline shows each operation of a key as a bar from call
// to return (an open bar for an unknown outcome, x for a dropped failure),
// marks the anomaly's operations and their place in the partial
// linearization, and keeps only the anomaly's time window when too long.
import { describe, expect, it } from 'vitest';
import { checkHistory } from './check.js';
import type { NotLinearizableResult } from './check.js';
import type { History } from './history.js';
import { renderHistory } from './render.js';
import { cas, read, write } from './testing/builders.js';

function anomalyOf(history: History): NotLinearizableResult {
  const result = checkHistory(history);
  if (result.status !== 'not-linearizable') throw new Error(`expected an anomaly, got ${result.status}`);
  return result;
}

describe('renderHistory', () => {
  it('draws a failing key with its anomaly marked', () => {
    const history = [
      write(1, 'a', 0, 10), write(2, 'b', 12, 20), read(3, 'a', 24, 30), cas(4, 'b', 'c', undefined, 5, null),
      { ...write(5, 'z', 2, 6), output: { error: 'not leader' } }, write(1, 'q', 0, 1, 'y'),
    ];
    expect(renderHistory(history, 'x', { anomaly: anomalyOf(history), widthColumns: 31 })).toBe([
      'Key "x": 5 operations, time 0 .. 30',
      '  * = involved in the anomaly, n. = place in the longest partial linearization',
      '  #  client |time ->                        |',
      '* #0 1      |[=========]                    | 1. write "a"',
      '  #4 5      |  [xxx]                        | write "z"  (dropped: failed, not leader)',
      '  #3 4      |     [------------------------>| cas "b"->"c"  (outcome unknown)',
      '* #1 2      |            [=======]          | 2. write "b"',
      '* #2 3      |                        [=====]| read -> "a"',
    ].join('\n'));
  });

  it('draws a key without an anomaly, and says when a key has no operations', () => {
    const history = [write(1, 'q', 0, 1, 'y')];
    expect(renderHistory(history, 'y', { widthColumns: 20 })).toBe([
      'Key "y": 1 operations, time 0 .. 1',
      '  #  client |time ->             |',
      '  #0 1      |[==================]| write "q"',
    ].join('\n'));
    expect(renderHistory(history, 'x')).toBe('Key "x": no operations.');
  });

  it('keeps the anomaly window of a long history', () => {
    const history: History = [
      ...Array.from({ length: 100 }, (_, i) => write(1, `v${i}`, 10 * i, 10 * i + 5)),
      read(2, 'v3', 2000, 2001),
    ];
    const text = renderHistory(history, 'x', { anomaly: anomalyOf(history), maxOperations: 10 });
    // Involved: #3 (wrote v3), #4 (overwrote it), #99 (last write), #100 (the read).
    expect(text.split('\n')[0]).toBe('Key "x": 101 operations, time 30 .. 2001 (10 shown, 91 omitted)');
    for (const index of [3, 4, 99, 100]) expect(text).toMatch(new RegExp(`^\\* +#${index} `, 'm'));
  });
});
