// Proves the heap trimmer's rule (issue 21, bounded memory): collect only
// when the heap has grown by the policy's step since the last trim, the
// process is quiet, and what is alive is small enough for a short pause;
// and that the trimmer runs only where node exposes a collector.
import { describe, expect, it } from 'vitest';
import { CLIENT_HEAP_TRIM_POLICY, DEFAULT_HEAP_TRIM_POLICY, exposedCollector, shouldTrimHeap, startHeapTrim, type HeapSample } from './heap-trim.js';

const MiB = 2 ** 20;
const policy = DEFAULT_HEAP_TRIM_POLICY;
const baseline = 60 * MiB;
/** A quiet 3 s interval after the heap grew to 100 MiB with 50 MiB in use, 30 MiB of it alive at the last full collection. */
const grownAndQuiet: HeapSample = { totalHeapBytes: 100 * MiB, usedHeapBytes: 50 * MiB, liveHeapBytes: 30 * MiB, loopUtilization: 0.05 };

describe('shouldTrimHeap', () => {
  it('collects after a burst: the heap grew by the step and the process went quiet', () => {
    expect(shouldTrimHeap(policy, baseline, grownAndQuiet)).toBe(true);
  });

  it('waits while the burst goes on (the event loop is busy)', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, loopUtilization: 0.9 })).toBe(false);
  });

  it('leaves a heap alone that has not grown by the step since the last trim', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, totalHeapBytes: baseline + policy.growthBytes - 1 })).toBe(false);
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, totalHeapBytes: baseline + policy.growthBytes })).toBe(true);
  });

  it('never collects a large live heap (the pause grows with what is alive)', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, totalHeapBytes: 1024 * MiB, usedHeapBytes: 200 * MiB, liveHeapBytes: policy.maxLiveBytes + 1 })).toBe(false);
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, totalHeapBytes: 1024 * MiB, usedHeapBytes: 200 * MiB, liveHeapBytes: policy.maxLiveBytes })).toBe(true);
  });

  it('collects a heap mostly garbage: a burst left 131 MiB in use with 60 MiB alive', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, totalHeapBytes: 145 * MiB, usedHeapBytes: 131 * MiB, liveHeapBytes: 60 * MiB })).toBe(true);
  });

  it('never collects past the bound on the heap in use, whatever the estimate says', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, totalHeapBytes: 1024 * MiB, usedHeapBytes: policy.maxUsedBytes + 1, liveHeapBytes: 10 * MiB })).toBe(false);
  });

  it('judges the heap in use when it is below the estimate (no full collection seen since it grew)', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, usedHeapBytes: 50 * MiB, liveHeapBytes: policy.maxLiveBytes + 1 })).toBe(true);
  });

  it('trims a client agent (no store) after a smaller growth than a member', () => {
    const grown = { ...grownAndQuiet, totalHeapBytes: baseline + 4 * MiB };
    expect(shouldTrimHeap(CLIENT_HEAP_TRIM_POLICY, baseline, grown)).toBe(true);
    expect(shouldTrimHeap(DEFAULT_HEAP_TRIM_POLICY, baseline, grown)).toBe(false);
  });

  it('decides nothing from an empty interval', () => {
    expect(shouldTrimHeap(policy, baseline, { ...grownAndQuiet, loopUtilization: Number.NaN })).toBe(false);
  });
});

describe('startHeapTrim', () => {
  it('starts nothing without a collector (node without --expose-gc), and its stop is harmless', () => {
    const stop = startHeapTrim({ collect: undefined });
    stop();
  });

  it('finds the collector only where node exposes one', () => {
    const g = globalThis as { gc?: unknown };
    const had = g.gc;
    try {
      g.gc = undefined;
      expect(exposedCollector()).toBeUndefined();
      let calls = 0;
      g.gc = () => calls++;
      exposedCollector()!();
      expect(calls).toBe(1);
    } finally {
      g.gc = had;
    }
  });
});
