/**
 * Gives a burst's garbage back once the burst is over (issue 21, bounded
 * memory). V8 grows its heap to what a burst of writes needs and keeps that
 * capacity: its own memory reducer shrinks the heap only when the process
 * allocates almost nothing, which an idle leader never does (heartbeats,
 * the agents' reads), so after an hour of writes a member held two to three
 * times its live heap. Here a process-level timer looks at the heap every
 * few seconds; when it has grown by `growthBytes` since the last trim and
 * the process has gone quiet (its event loop mostly idle over the last
 * interval), it runs one full, compacting collection, which frees the
 * garbage and the buffers only it held, and moves the survivors together so
 * that V8 can give the pages back (a plain `gc()` marks and sweeps but
 * leaves the old space as fragmented as the burst left it: measured, 78 MB
 * of pages kept for 12 MB live; compacting, 13 MB).
 *
 * The pause of a compacting collection grows with what is alive, not with
 * the garbage (it marks and moves the survivors): about 60 ms for a ~100 MB
 * heap with 12 MB live, 190 ms with 57 MB live, on this machine. So the
 * rule judges the live heap, estimated as the heap in use right after the
 * last full collection (V8's own, seen through a PerformanceObserver, or
 * the last trim), and skips a trim above `maxLiveBytes`: a large store is
 * left to V8's own schedule rather than risk a pause that could cost the
 * leadership (an election starts after 300-600 ms without a heartbeat,
 * sent every 100 ms). The heap in use, garbage included, had been the
 * measure: after the bench's put runs a leader held 131 MiB with ~68 MiB
 * alive, skipped the trim, and kept 300 MB resident for 20 s until V8
 * collected by itself. `maxUsedBytes` still bounds what an estimate
 * might have missed (live objects made since the last full collection).
 *
 * The decision is a pure function; `startHeapTrim` is the edge (a timer,
 * V8's statistics, the event loop's utilization and the collector).
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';

/** When to trim. */
export interface HeapTrimPolicy {
  /** How far the heap must have grown since the last trim (or the start). */
  growthBytes: number;
  /** Above this much live heap (estimated: HeapSample.liveHeapBytes), never trim (bounded pause). */
  maxLiveBytes: number;
  /** Above this much heap in use, garbage included, never trim either (in case the estimate is stale). */
  maxUsedBytes: number;
  /**
   * The process counts as quiet below this event-loop utilization over an
   * interval (the share of wall time the loop was not waiting for I/O: a
   * process starved of CPU by others still counts as busy, where its CPU
   * time would call it quiet).
   */
  quietLoopUtilization: number;
}

/** The policy `mgmt run` uses. */
export const DEFAULT_HEAP_TRIM_POLICY: HeapTrimPolicy = {
  growthBytes: 16 * 2 ** 20,
  maxLiveBytes: 64 * 2 ** 20,
  maxUsedBytes: 256 * 2 ** 20,
  quietLoopUtilization: 0.2,
};

/**
 * The policy of a client agent (`mgmt run --no-server`): no store, so a
 * small heap whose growth is mostly start-up (modules, protobuf types, the
 * first connections); trimmed once that is over and whenever it grows by
 * 4 MiB again. Its pause (a few ms on a ~20 MB heap) costs no leadership,
 * and issue 19 gives a client 80 MB resident.
 */
export const CLIENT_HEAP_TRIM_POLICY: HeapTrimPolicy = {
  ...DEFAULT_HEAP_TRIM_POLICY,
  growthBytes: 4 * 2 ** 20,
};

/** One look at the process. */
export interface HeapSample {
  /** V8's heap capacity (`total_heap_size`). */
  totalHeapBytes: number;
  /** V8's heap in use (`used_heap_size`), garbage included. */
  usedHeapBytes: number;
  /** The heap in use right after the last full collection, if one was seen since the last trim (else `usedHeapBytes`). */
  liveHeapBytes: number;
  /** Event-loop utilization since the previous sample (0..1; NaN for an empty interval). */
  loopUtilization: number;
}

/** Whether to collect now, given the heap capacity right after the last trim (or at the start). */
export function shouldTrimHeap(policy: HeapTrimPolicy, baselineTotalBytes: number, sample: HeapSample): boolean {
  const grown = sample.totalHeapBytes - baselineTotalBytes >= policy.growthBytes;
  const quiet = sample.loopUtilization < policy.quietLoopUtilization; // false for NaN
  const small = Math.min(sample.liveHeapBytes, sample.usedHeapBytes) <= policy.maxLiveBytes && sample.usedHeapBytes <= policy.maxUsedBytes;
  return grown && quiet && small;
}

/** A full collection (V8's `gc`, present when node runs with --expose-gc). */
export type CollectGarbage = () => void;

/** How to run the trimmer. */
export interface HeapTrimOptions {
  /** The collector; without one (node without --expose-gc) nothing is started. */
  collect: CollectGarbage | undefined;
  policy?: HeapTrimPolicy;
  /** How often to look, in ms (default 2,000: a burst is trimmed within 2-4 s of its end; a look costs microseconds). */
  intervalMs?: number;
  /** Told after each trim: heap capacity before and after, bytes. */
  onTrim?: (beforeTotalBytes: number, afterTotalBytes: number) => void;
}

/**
 * A full, compacting collection through the `gc` node exposes with
 * --expose-gc (`mgmt`'s shebang passes it), or undefined without it.
 * V8's flag to compact on every full collection is on for this one only
 * (V8 reads it when the collection starts; its usual heuristics compact
 * little outside its memory reducer).
 */
export function exposedCollector(): CollectGarbage | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return () => {
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      (gc as () => void)();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

/** Starts the trimmer (an unref'd timer); returns its stop. */
export function startHeapTrim(o: HeapTrimOptions): () => void {
  const collect = o.collect;
  if (collect === undefined) return () => {};
  const policy = o.policy ?? DEFAULT_HEAP_TRIM_POLICY;
  let baseline = v8.getHeapStatistics().total_heap_size;
  let loop = performance.eventLoopUtilization();
  // The heap in use after the last full collection: V8's own are reported after the fact (a later task; the
  // little allocated in between counts as alive, on the safe side).
  let liveAfterFullGc: number | undefined;
  const fullCollections = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) {
      liveAfterFullGc = v8.getHeapStatistics().used_heap_size;
    }
  });
  fullCollections.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const heap = v8.getHeapStatistics();
    const nowLoop = performance.eventLoopUtilization();
    const sample: HeapSample = {
      totalHeapBytes: heap.total_heap_size,
      usedHeapBytes: heap.used_heap_size,
      liveHeapBytes: liveAfterFullGc ?? heap.used_heap_size,
      loopUtilization: performance.eventLoopUtilization(nowLoop, loop).utilization,
    };
    loop = nowLoop;
    if (shouldTrimHeap(policy, baseline, sample)) {
      collect();
      baseline = v8.getHeapStatistics().total_heap_size;
      liveAfterFullGc = v8.getHeapStatistics().used_heap_size;
      o.onTrim?.(sample.totalHeapBytes, baseline);
      // The collection's own time is not the process's load.
      loop = performance.eventLoopUtilization();
      return;
    }
    // Capacity V8 gave back by itself lowers the bar too.
    baseline = Math.min(baseline, heap.total_heap_size);
  }, o.intervalMs ?? 2_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    fullCollections.disconnect();
  };
}
