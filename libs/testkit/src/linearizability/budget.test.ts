// Proves the search is bounded: a step, time or memory budget that runs out
// yields `unknown` (with the keys left undecided) instead of a hang, while an
// anomaly on another key is still reported.
import { describe, expect, it } from 'vitest';
import { checkHistory } from './check.js';
import type { Operation } from './history.js';
import { read, write } from './testing/builders.js';

/**
 * Many concurrent writes of distinct values, each seen by a concurrent read,
 * then two reads that no order explains: the proof must visit every subset
 * of the writes (2^writes configurations), and no simple proof applies.
 */
function hardHistory(key: string, writeCount = 24): Operation[] {
  const writes = Array.from({ length: writeCount }, (_, i) => write(i, `v${i}`, 0, 100, key));
  const reads = Array.from({ length: writeCount }, (_, i) => read(100 + i, `v${i}`, 0, 100, key));
  return [...writes, ...reads, read(99, 'v0', 101, 102, key), read(99, 'v1', 103, 104, key)];
}

describe('search budget', () => {
  it('returns unknown when the step budget runs out', () => {
    const result = checkHistory(hardHistory('x'), { maxStepsPerKey: 1000 });
    expect(result.status).toBe('unknown');
    if (result.status !== 'unknown') return;
    expect(result.reason).toBe('step-budget');
    expect(result.undecidedKeys).toEqual(['x']);
    expect(result.stats.steps).toBe(1001);
  });

  it('returns unknown when the time budget runs out, by an injected clock', () => {
    let fakeMs = 0;
    const now = (): number => (fakeMs += 1000);
    const result = checkHistory([...hardHistory('x'), ...hardHistory('y')], { maxMs: 5000, now });
    expect(result.status).toBe('unknown');
    if (result.status !== 'unknown') return;
    expect(result.reason).toBe('time-budget');
    expect(result.undecidedKeys).toEqual(['x', 'y']);
  });

  it('returns unknown when the memo outgrows its bound', () => {
    const result = checkHistory(hardHistory('x'), { maxCacheEntriesPerKey: 50 });
    expect(result.status === 'unknown' && result.reason).toBe('cache-budget');
  });

  it('still reports an anomaly on another key when one key is undecided', () => {
    const result = checkHistory([...hardHistory('a'), write(1, 'x1', 0, 1, 'b'), read(2, 'never', 2, 3, 'b')], { maxStepsPerKey: 1000 });
    expect(result.status).toBe('not-linearizable');
    expect(result.status === 'not-linearizable' && result.key).toBe('b');
  });

  it('decides a costly key at once when a simple proof applies, and says the search was cut short', () => {
    const history = [...hardHistory('x').slice(0, 48), read(99, 'ghost', 101, 102)];
    const result = checkHistory(history, { maxStepsPerKey: 1000 });
    expect(result.status).toBe('not-linearizable');
    if (result.status !== 'not-linearizable') return;
    expect(result.kind).toBe('read-of-unwritten-value');
    expect(result.explanation).toContain('The search stopped before trying every order; the proof above does not depend on it.');
  });

  it('decides the hard history given enough budget', () => {
    expect(checkHistory(hardHistory('x', 9)).status).toBe('not-linearizable');
  });
});
