/**
 * Deterministic exponential backoff. No jitter here: the machines stay pure
 * and replayable; an agent that wants jitter adds it in the delay it provides.
 */

/** Bounds of a backoff schedule, in milliseconds. */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Delay before retry number `attempt` (0-based): base * 2^attempt, capped at max. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}
