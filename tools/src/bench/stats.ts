/** Latency statistics for the benchmark (pure). */

/** Summary of one timed run of requests. */
export interface LatencySummary {
  /** Requests that completed inside the measured window. */
  count: number;
  /** count divided by the window, per second. */
  throughputPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests that failed inside the window. */
  errors: number;
}

/**
 * The q-quantile (0..1) of `sorted` (ascending) by the nearest-rank method:
 * the smallest value with at least q of the samples at or below it. NaN when
 * there are no samples.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (q < 0 || q > 1) throw new RangeError(`quantile ${q} is outside 0..1`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * n));
  return sorted[rank - 1]!;
}

/** Summarizes latencies (ms, any order) measured over `windowMs`. */
export function summarize(latenciesMs: readonly number[] | Float64Array, windowMs: number, errors = 0): LatencySummary {
  if (windowMs <= 0) throw new RangeError('the measured window must be positive');
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    count: sorted.length,
    throughputPerSec: (sorted.length * 1000) / windowMs,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    errors,
  };
}
